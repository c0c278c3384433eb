package dev.workersai.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.workersai.emulator.EmulatorConfig;
import dev.workersai.emulator.WorkersAiEmulator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs probe classes in-process and checks that each got its own emulator, stopped afterwards. */
class ExtensionLifecycleTest {
  static final List<WorkersAiEmulator> SEEN = new ArrayList<>();

  @Test
  void startsOneEmulatorPerClassAndStopsItAfterTheClass() {
    SEEN.clear();
    TestExecutionSummary summary = run(FirstProbe.class, SecondProbe.class);

    assertThat(summary.getTestsSucceededCount()).isEqualTo(4);
    assertThat(summary.getTotalFailureCount()).isZero();
    assertThat(SEEN).hasSize(4);
    assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
    assertThat(SEEN.get(2)).isSameAs(SEEN.get(3)).isNotSameAs(SEEN.get(0));
    for (WorkersAiEmulator emulator : SEEN) {
      assertThatThrownBy(() -> {
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(emulator.address().getAddress(), emulator.port()), 2000);
        }
      }).isInstanceOf(IOException.class);
    }
  }

  @Test
  void registeredExtensionUsesItsConfigAndExposesTheEmulator() {
    SEEN.clear();
    TestExecutionSummary summary = run(RegisteredProbe.class);

    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    assertThat(SEEN.get(0).accountId()).isEqualTo("probe-account");
  }

  private static TestExecutionSummary run(Class<?>... classes) {
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
    for (Class<?> type : classes) {
      request.selectors(selectClass(type));
    }
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request.build(), listener);
    return listener.getSummary();
  }

  // The probes are nested classes, which surefire does not run on its own.

  @ExtendWith(WorkersAiEmulatorExtension.class)
  @WorkersAiEmulatorSettings(schemas = "src/test/resources/snapshot")
  static class FirstProbe {
    @Test
    void one(WorkersAiEmulator emulator) {
      SEEN.add(emulator);
    }

    @Test
    void two(WorkersAiEmulator emulator) {
      SEEN.add(emulator);
    }
  }

  @ExtendWith(WorkersAiEmulatorExtension.class)
  @WorkersAiEmulatorSettings(schemas = "src/test/resources/snapshot")
  static class SecondProbe {
    @Test
    void one(WorkersAiEmulator emulator) {
      SEEN.add(emulator);
    }

    @Test
    void two(WorkersAiEmulator emulator) {
      SEEN.add(emulator);
    }
  }

  static class RegisteredProbe {
    @RegisterExtension
    static final WorkersAiEmulatorExtension AI = WorkersAiEmulatorExtension.withConfig(
        EmulatorConfig.builder().schemas(Path.of("src/test/resources/snapshot")).accountId("probe-account").build());

    @Test
    void exposesTheEmulator() {
      SEEN.add(AI.emulator());
      assertThat(AI.client().accountId()).isEqualTo("probe-account");
    }
  }
}
