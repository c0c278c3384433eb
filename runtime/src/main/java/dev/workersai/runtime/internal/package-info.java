/**
 * Implementation of the client: response reading and envelope unwrapping, error mapping (the one
 * place where statuses and Cloudflare codes are interpreted), batch polling, the clock, and the
 * Jackson configuration. Not public API.
 */
package dev.workersai.runtime.internal;
