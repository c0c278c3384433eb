/**
 * Task-level interfaces that generated model classes implement when their schema fits the task's
 * common shape, so code written against them can switch models without changing its calls:
 * {@link dev.workersai.runtime.task.TextGenerationModel}, {@link dev.workersai.runtime.task.ChatCompletionModel},
 * {@link dev.workersai.runtime.task.EmbeddingModel}, {@link dev.workersai.runtime.task.RerankingModel},
 * {@link dev.workersai.runtime.task.TextToImageModel}, {@link dev.workersai.runtime.task.SpeechToTextModel},
 * {@link dev.workersai.runtime.task.TextToSpeechModel} and {@link dev.workersai.runtime.task.TranslationModel}.
 *
 * <p>The generator decides from each model's input and output schema, never from its id; a model
 * whose schema does not fit keeps only its own typed {@code run} methods. {@link
 * dev.workersai.runtime.task.TaskCalls} builds the common requests and reads the task's value out of
 * whichever answer shape a model uses.
 */
package dev.workersai.runtime.task;
