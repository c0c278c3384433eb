/**
 * A generation as a build tool runs it once its up-to-date check has said "generate": the one step
 * that generates, logs what a build log shows, and records the state and stamps the next check
 * reads ({@link dev.workersai.generator.build.IncrementalGeneration}), used in-process and in the
 * short-lived JVM a build tool may fork for it ({@link dev.workersai.generator.build.ChildGeneration}),
 * with the line protocol that child reports over ({@link dev.workersai.generator.build.ChildLine}).
 * Knows nothing of Maven.
 */
package dev.workersai.generator.build;
