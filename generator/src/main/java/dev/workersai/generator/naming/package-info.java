/**
 * Every Java name decided in one place: model ids to packages and classes, properties to
 * identifiers, shared shapes to stable type names planned over the whole snapshot and kept across
 * refreshes by the type-name lock.
 */
package dev.workersai.generator.naming;
