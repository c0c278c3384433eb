/**
 * Task-level interfaces that generated model classes implement when their schema fits the task's
 * common shape, so code written against {@link dev.workersai.runtime.task.TextGenerationModel} or
 * {@link dev.workersai.runtime.task.EmbeddingModel} can switch models without changing its calls.
 *
 * <p>The generator decides from each model's input and output schema, never from its id; a model
 * whose schema does not fit keeps only its own typed {@code run} methods.
 */
package dev.workersai.runtime.task;
