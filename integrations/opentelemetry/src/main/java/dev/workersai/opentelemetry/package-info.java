/**
 * OpenTelemetry for Workers AI calls: {@link dev.workersai.opentelemetry.WorkersAiTelemetry} is a
 * {@link dev.workersai.runtime.observe.CallListener} that makes a span and records the GenAI client
 * metrics for every call, after the OpenTelemetry GenAI semantic conventions.
 */
package dev.workersai.opentelemetry;
