package dev.workersai.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/** A real redis-server (shipped in embedded-redis) on 127.0.0.1 and a free port, without persistence. */
final class LocalRedis implements AutoCloseable {
  private final int port;
  private RedisServer server;

  LocalRedis() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = probe.getLocalPort();
    }
    start();
  }

  void start() throws IOException {
    server = RedisServer.newRedisServer()
        .bind("127.0.0.1")
        .port(port)
        .setting("save \"\"")
        .setting("appendonly no")
        .build();
    server.start();
  }

  void stop() throws IOException {
    server.stop();
  }

  String uri() {
    return "redis://127.0.0.1:" + port;
  }

  @Override
  public void close() throws IOException {
    if (server.isActive()) {
      server.stop();
    }
  }
}
