/**
 * Task interfaces bound to a model by id alone, for models without a generated class on the class
 * path: the task's common request body, sent through a {@link dev.workersai.runtime.WorkersAi}.
 */
package dev.workersai.spring.binding;
