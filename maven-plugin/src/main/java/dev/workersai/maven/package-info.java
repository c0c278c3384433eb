/**
 * The workers-ai Maven goals, generate and refresh: they translate parameters into calls of the
 * generator's public API, find the API token, skip runs whose inputs did not change, and log the
 * results.
 */
package dev.workersai.maven;
