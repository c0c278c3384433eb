/**
 * The workers-ai Maven goals, generate and refresh: they translate parameters into calls of the
 * generator's public API, find the API token, skip runs whose inputs did not change, run a
 * generation in a JVM of their own ({@link dev.workersai.maven.ForkedGeneration}), and log the results.
 */
package dev.workersai.maven;
