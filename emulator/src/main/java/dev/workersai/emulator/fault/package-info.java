/**
 * Failures on demand (rate limits, server errors, dropped connections, malformed event streams,
 * latency) for every model or for one, installed from tests or from the command line.
 */
package dev.workersai.emulator.fault;
