package com.example.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.workersai.emulator.RequestLog;
import dev.workersai.emulator.fault.Fault;
import dev.workersai.emulator.fault.Faults;
import dev.workersai.emulator.junit.WorkersAiEmulatorExtension;
import dev.workersai.emulator.junit.WorkersAiEmulatorSettings;
import dev.workersai.models.baai.BgeBaseEnV1_5;
import dev.workersai.models.meta.Llama3_1_8bInstruct;
import dev.workersai.runtime.WorkersAi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(WorkersAiEmulatorExtension.class)
@WorkersAiEmulatorSettings(schemas = "target/workers-ai/bundled-snapshot")
class AppTest {

  @Test
  void retriesWhenOutOfCapacity(WorkersAi ai, Faults faults, RequestLog log) {
    faults.forModel(Llama3_1_8bInstruct.MODEL_ID, Fault.rateLimited(3040), 1);

    assertFalse(new App(ai).chat("hi").isEmpty());
    assertEquals(2, log.runCount(Llama3_1_8bInstruct.MODEL_ID));
  }

  @Test
  void embedsAndDraws(WorkersAi ai, @TempDir Path dir) throws Exception {
    App app = new App(ai);

    List<List<Double>> vectors = app.embed(List.of("a", "b"));
    assertEquals(2, vectors.size());
    assertEquals(BgeBaseEnV1_5.OUTPUT_DIMENSIONS, vectors.get(0).size());
    Path png = app.draw("a lighthouse", dir.resolve("out.png"));
    assertEquals((byte) 0x89, Files.readAllBytes(png)[0]);
  }
}
