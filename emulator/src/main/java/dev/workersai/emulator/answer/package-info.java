/**
 * What a model answers to a valid request: deterministic JSON sampled from its output schema,
 * small real media files, and OpenAI-format answers for the /ai/v1 endpoints.
 */
package dev.workersai.emulator.answer;
