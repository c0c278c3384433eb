package dev.workersai.emulator.openai;

import dev.workersai.catalog.SharedCorpus;
import dev.workersai.emulator.WorkersAiEmulator;
import java.io.IOException;
import java.nio.file.Path;

/** An emulator over the real catalog corpus, and the OpenAI base URL clients are given. */
final class CorpusEmulator {
  static final String CHAT = "@cf/meta/llama-3.1-8b-instruct";
  /** Marked function_calling in the catalog. */
  static final String TOOLS = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";
  static final String EMBED = "@cf/baai/bge-base-en-v1.5";
  static final String GPT_OSS = "@cf/openai/gpt-oss-120b";

  private CorpusEmulator() {}

  static WorkersAiEmulator start(Path temp) throws IOException {
    return WorkersAiEmulator.builder().schemas(SharedCorpus.snapshotIn(temp)).token("v1-test-token").start();
  }

  /** {@code http://127.0.0.1:<port>/client/v4/accounts/<acct>/ai/v1}, what OpenAI clients take as base URL. */
  static String openAiBaseUrl(WorkersAiEmulator emulator) {
    return emulator.openAiBaseUrl();
  }
}
