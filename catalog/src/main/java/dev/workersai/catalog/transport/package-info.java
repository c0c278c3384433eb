/**
 * How a model's calls travel, decided once from its schemas for the generator and the emulator alike:
 * which bodies a run may send (JSON, the raw bytes, {@code multipart/form-data}), whether it may stream,
 * whether the answer is JSON or bytes of which content type, and whether the model takes async-queue
 * batches. The top-level forms of a schema ({@link InputForm}, {@link OutputForm}) are what these
 * decisions are made of; {@link Transport} holds them.
 */
package dev.workersai.catalog.transport;
