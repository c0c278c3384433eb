/**
 * Deterministic, schema-valid JSON instances of a JSON Schema, and the small instance check that
 * picks among oneOf/anyOf branches while sampling: the emulator's answers and the conformance
 * test's inputs.
 */
package dev.workersai.catalog.sample;
