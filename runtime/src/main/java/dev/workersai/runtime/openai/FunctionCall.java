package dev.workersai.runtime.openai;

/**
 * The function a tool call names and its arguments, a JSON text as the model wrote it.
 *
 * @param name the function's name
 * @param arguments the arguments as JSON text; may be partial in a streamed chunk
 */
public record FunctionCall(String name, String arguments) {}
