/**
 * A model's JSON Schemas read into a small typed tree (object, union, array, map, enum, scalar
 * with constraints, binary) and its transport decided once (raw body, multipart, JSON, binary or
 * streamed answer), as a ModelSpec the generator, the emulator and the change report share.
 */
package dev.workersai.catalog.schema;
