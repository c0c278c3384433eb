package dev.workersai.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests that talk HTTP to one emulator per class, started on the small test snapshot. */
abstract class SnapshotEmulatorTest {
  static WorkersAiEmulator emulator;

  @BeforeAll
  static void startEmulator() {
    emulator = TestSnapshot.start();
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }
}
