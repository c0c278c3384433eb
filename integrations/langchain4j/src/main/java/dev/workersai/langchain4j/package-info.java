/**
 * LangChain4j models on the Workers AI task interfaces: each adapter takes a generated model
 * binding ({@code Llama3_1_8bInstruct.on(ai)}, {@code BgeBaseEnV1_5.on(ai)}, ...) through the task
 * interface it implements, so any catalog model whose schema fits the task works.
 *
 * <p>Chat lives in {@link dev.workersai.langchain4j.chat}; embedding, scoring (re-ranking), image
 * generation, audio transcription and text-to-speech here.
 */
package dev.workersai.langchain4j;
