/**
 * What a generated model class says about its model: its {@link dev.workersai.runtime.model.ModelDescriptor}
 * (id, task, published rate limit, whether it takes batches) and the
 * {@link dev.workersai.runtime.model.WorkersAiModel} annotation marking the class. Plain data every
 * other package reads; it depends on nothing else of the runtime.
 */
package dev.workersai.runtime.model;
