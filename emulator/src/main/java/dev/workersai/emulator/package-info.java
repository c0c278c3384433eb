/**
 * A local server speaking the Workers AI REST API for the models of a catalog snapshot: its
 * configuration, its start and stop, and the log of requests it received. Reads the catalog
 * through the catalog module, never through the generator.
 */
package dev.workersai.emulator;
