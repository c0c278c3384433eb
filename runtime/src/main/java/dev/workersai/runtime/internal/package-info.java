/**
 * Implementation of the client: the per-call context the interceptors read, response reading and
 * envelope unwrapping, error mapping (the one place where statuses and Cloudflare codes are
 * interpreted, with the 2xx failure-envelope scan and the retry/reset times beside it), batch polling,
 * async calls, redaction of the token, the clock, and the Jackson configuration. Its own classes use
 * none of its subpackages, which build on them. Not public API.
 */
package dev.workersai.runtime.internal;
