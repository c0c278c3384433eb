/**
 * The generator's public API: a GenerationRequest in, sources rendered in memory and then
 * written, a GenerationResult out, and the model selection (globs, tasks) a build or a refresh
 * guard uses. The Maven plugin and the CLI call only this package and the refresh entry point.
 */
package dev.workersai.generator;
