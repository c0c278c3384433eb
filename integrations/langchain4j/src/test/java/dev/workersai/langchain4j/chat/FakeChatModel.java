package dev.workersai.langchain4j.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.StreamChunk;
import dev.workersai.runtime.task.ChatAnswer;
import dev.workersai.runtime.task.ChatCompletionModel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A {@link ChatCompletionModel} answering what a test gives it and keeping the requests it got. */
final class FakeChatModel implements ChatCompletionModel {
  final List<ObjectNode> requests = new ArrayList<>();
  private final boolean tools;
  private final boolean stream;
  ChatAnswer answer;
  List<StreamChunk> chunks = List.of();
  boolean closed;

  FakeChatModel(boolean tools, boolean stream) {
    this.tools = tools;
    this.stream = stream;
  }

  @Override
  public String modelId() {
    return "@cf/test/chat";
  }

  @Override
  public ChatAnswer chat(ObjectNode request) {
    requests.add(request);
    return answer;
  }

  @Override
  public ChunkStream<StreamChunk> streamChat(ObjectNode request) {
    requests.add(request);
    return new ChunkStream<>() {
      @Override
      public Iterator<StreamChunk> iterator() {
        return chunks.iterator();
      }

      @Override
      public void close() {
        closed = true;
      }
    };
  }

  @Override
  public boolean supportsStreaming() {
    return stream;
  }

  @Override
  public boolean supportsTools() {
    return tools;
  }

  @Override
  public boolean supportsResponseFormat() {
    return false;
  }
}
