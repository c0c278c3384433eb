package dev.workersai.redis;

import dev.workersai.examples.snippets.DocSnippets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code ```java} block of docs/redis-rate-limiter.md compiles against this module. */
class DocSnippetsTest {
  private static final DocSnippets SNIPPETS = new DocSnippets(List.of(
      "import dev.workersai.redis.RedisRateLimiter;",
      "import dev.workersai.runtime.WorkersAi;"), "  String accountId, token;", "");

  @TestFactory
  Stream<DynamicTest> everyJavaSnippetCompiles(@TempDir Path out) throws IOException {
    return SNIPPETS.tests(DocSnippets.docs("redis-rate-limiter.md"), out);
  }
}
