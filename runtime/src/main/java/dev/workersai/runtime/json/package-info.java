/**
 * Jackson and validation helpers that generated model classes reference: union (sealed interface)
 * deserialization, {@link dev.workersai.runtime.Bytes} and byte arrays as base64 or as JSON arrays of
 * unsigned 8-bit integers, and the constraint
 * checks behind generated {@code validate()} methods. Generated code uses these through annotations
 * and static calls, so it works with any {@link com.fasterxml.jackson.databind.ObjectMapper}.
 */
package dev.workersai.runtime.json;
