/**
 * Command-line entry points over the public API: the generate command (exit codes, one error line
 * per problem) and the derivation of the facts-only snapshot from Cloudflare's published files.
 * Nothing in the generator depends on this package.
 */
package dev.workersai.generator.cli;
