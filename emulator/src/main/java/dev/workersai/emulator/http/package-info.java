/**
 * The HTTP side: routing, token and account checks, request bodies under size and memory limits,
 * the run, catalog and OpenAI-compatible endpoints, rate limiting, the gateway cache and
 * Cloudflare's error envelopes.
 */
package dev.workersai.emulator.http;
