package dev.workersai.runtime.internal.http;

/**
 * Tags a request for an OpenAI-compatible endpoint ({@code /ai/v1/{path}}), so that AI Gateway
 * routing sends it to {@code .../workers-ai/v1/{path}} rather than to a model's path.
 *
 * @param path the endpoint below {@code v1}, such as {@code chat/completions}
 */
public record V1Route(String path) {}
