package dev.workersai.runtime.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The published per-minute request limit of a model, and where that figure came from. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RateLimit {
  /** Requests per minute; {@code 0} when {@link #source()} is {@link Source#UNKNOWN}. */
  int requestsPerMinute();

  /** Where {@link #requestsPerMinute()} comes from. */
  Source source();

  /** Provenance of a rate-limit figure. */
  enum Source {
    /** The default published for the model's task. */
    TASK_DEFAULT,
    /** A figure published for this model in particular. */
    MODEL_OVERRIDE,
    /** Nothing is published for this model or its task: no client-side limit is applied. */
    UNKNOWN
  }
}
