/**
 * Spring Boot auto-configuration for Workers AI: a {@link dev.workersai.runtime.WorkersAi} bean from
 * {@code workers-ai.*} properties ({@link dev.workersai.spring.WorkersAiProperties}), with the
 * optional OpenTelemetry listener and Redis rate limiter when their modules are present.
 */
package dev.workersai.spring;
