/**
 * Files on disk, atomically or not at all: generated sources (SourceFile) written only where they
 * changed, stale ones deleted only when they carry the generated header, and snapshot folders
 * replaced whole. Depends on nothing else of the generator.
 */
package dev.workersai.generator.write;
