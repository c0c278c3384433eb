/**
 * LangChain4j chat and streaming chat on {@link dev.workersai.runtime.task.ChatCompletionModel}:
 * LangChain4j requests become the Workers AI chat body, answers become LangChain4j responses with
 * tool calls, token usage and finish reasons.
 */
package dev.workersai.langchain4j.chat;
