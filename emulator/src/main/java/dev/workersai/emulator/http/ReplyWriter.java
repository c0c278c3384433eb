package dev.workersai.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import dev.workersai.emulator.fault.Fault;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes a {@link Reply}, honouring the faults that damage a response on its way out. */
final class ReplyWriter {
  /** The second event of a malformed stream: a JSON object that never closes. */
  static final String MALFORMED_EVENT = "{\"response\": \"brok";

  private ReplyWriter() {}

  static void write(HttpExchange exchange, Reply reply, Fault damage) throws IOException {
    if (reply instanceof Reply.Whole whole) {
      writeWhole(exchange, whole, damage instanceof Fault.DropConnection);
    } else {
      writeEvents(exchange, (Reply.Events) reply, damage);
    }
  }

  private static void writeWhole(HttpExchange exchange, Reply.Whole reply, boolean drop) throws IOException {
    headers(exchange, reply.headers());
    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    byte[] body = reply.body();
    exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
    OutputStream out = exchange.getResponseBody();
    if (drop) {
      out.write(body, 0, body.length / 2);
      out.flush();
      // Not closed on purpose: closing would complete the body.
      throw new ConnectionDropped();
    }
    out.write(body);
    out.close();
  }

  private static void writeEvents(HttpExchange exchange, Reply.Events reply, Fault damage) throws IOException {
    List<String> data = new ArrayList<>(reply.data());
    if (damage instanceof Fault.MalformedSse && data.size() > 1) {
      data.set(1, MALFORMED_EVENT);
    }
    data.add("[DONE]");
    int dropAfter = damage instanceof Fault.DropConnection drop ? drop.afterChunks() : -1;
    headers(exchange, reply.headers());
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    for (int i = 0; i < data.size(); i++) {
      if (i == dropAfter) {
        // Not closed on purpose: closing would write the last chunk and end the stream cleanly.
        throw new ConnectionDropped();
      }
      out.write(("data: " + data.get(i) + "\n\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
    out.close();
  }

  private static void headers(HttpExchange exchange, Map<String, String> headers) {
    headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
  }

  /**
   * Thrown to make the JDK server close the socket without finishing the body: it treats an
   * exception escaping a handler as a broken exchange and closes the connection.
   */
  static final class ConnectionDropped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConnectionDropped() {
      super("connection dropped on purpose (fault)", null, false, false);
    }
  }
}
