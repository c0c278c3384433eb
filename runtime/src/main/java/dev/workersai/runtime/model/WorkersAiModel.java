package dev.workersai.runtime.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a generated class as the binding of one Workers AI model. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WorkersAiModel {
  /** The catalog name used in {@code /ai/run/{id}}, such as {@code @cf/meta/llama-3.1-8b-instruct}. */
  String id();

  /** The catalog task name, such as {@code Text Generation}; empty when the catalog gives none. */
  String task();
}
