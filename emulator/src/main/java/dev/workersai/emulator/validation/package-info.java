/**
 * Request bodies checked against a model's input JSON Schema before it answers, as the real
 * service refuses invalid input.
 */
package dev.workersai.emulator.validation;
