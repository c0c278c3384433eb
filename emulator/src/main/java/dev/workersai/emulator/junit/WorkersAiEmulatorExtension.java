package dev.workersai.emulator.junit;

import dev.workersai.emulator.EmulatorConfig;
import dev.workersai.emulator.RequestLog;
import dev.workersai.emulator.WorkersAiEmulator;
import dev.workersai.emulator.fault.Faults;
import dev.workersai.runtime.WorkersAi;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A JUnit 5 extension that starts one {@link WorkersAiEmulator} per test class on a free loopback
 * port, stops it after the class, and injects into test constructors and methods:
 * {@link WorkersAi} (a client configured for the emulator), {@link WorkersAiEmulator},
 * {@link Faults} and {@link RequestLog}. Faults and the request log are cleared before each test.
 *
 * <pre>{@code
 * @ExtendWith(WorkersAiEmulatorExtension.class)
 * class ChatTest {
 *   @Test
 *   void answers(WorkersAi client, WorkersAiEmulator emulator) { ... }
 * }
 * }</pre>
 *
 * <p>Configure it with {@link WorkersAiEmulatorSettings} on the class, or register it in a static
 * field: {@code @RegisterExtension static WorkersAiEmulatorExtension ai =
 * WorkersAiEmulatorExtension.withConfig(EmulatorConfig.builder().schemas(dir).build());}
 * Nested test classes share their outer class's emulator.
 */
public final class WorkersAiEmulatorExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(WorkersAiEmulatorExtension.class);
  private static final String EMULATOR = "emulator";
  private static final String CLIENT = "client";

  private final Optional<EmulatorConfig> config;
  private volatile WorkersAiEmulator lastStarted;

  /** The extension as used by {@code @ExtendWith}: configured by {@link WorkersAiEmulatorSettings}. */
  public WorkersAiEmulatorExtension() {
    this.config = Optional.empty();
  }

  private WorkersAiEmulatorExtension(EmulatorConfig config) {
    this.config = Optional.of(config);
  }

  /** An extension for {@code @RegisterExtension} that starts emulators with {@code config}. */
  public static WorkersAiEmulatorExtension withConfig(EmulatorConfig config) {
    return new WorkersAiEmulatorExtension(config);
  }

  /** The emulator of the running test class (for {@code @RegisterExtension} users). */
  public WorkersAiEmulator emulator() {
    WorkersAiEmulator emulator = lastStarted;
    if (emulator == null) {
      throw new IllegalStateException("no emulator is running: the extension starts one before the test class");
    }
    return emulator;
  }

  /** A client for the emulator of the running test class. */
  public WorkersAi client() {
    return emulator().client();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    emulator(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    WorkersAiEmulator emulator = emulator(context);
    emulator.faults().clear();
    emulator.requestLog().clear();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (classContext(context) == context) {
      WorkersAiEmulator emulator = context.getStore(NAMESPACE).remove(EMULATOR, WorkersAiEmulator.class);
      context.getStore(NAMESPACE).remove(CLIENT);
      if (emulator != null) {
        emulator.close();
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == WorkersAi.class || type == WorkersAiEmulator.class || type == Faults.class
        || type == RequestLog.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    WorkersAiEmulator emulator = emulator(context);
    if (type == WorkersAi.class) {
      return classContext(context).getStore(NAMESPACE).getOrComputeIfAbsent(CLIENT, key -> emulator.client());
    }
    if (type == Faults.class) {
      return emulator.faults();
    }
    if (type == RequestLog.class) {
      return emulator.requestLog();
    }
    return emulator;
  }

  private WorkersAiEmulator emulator(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    WorkersAiEmulator emulator = classContext.getStore(NAMESPACE)
        .getOrComputeIfAbsent(EMULATOR, key -> WorkersAiEmulator.start(configFor(classContext)), WorkersAiEmulator.class);
    lastStarted = emulator;
    return emulator;
  }

  private EmulatorConfig configFor(ExtensionContext classContext) {
    if (config.isPresent()) {
      return config.get();
    }
    EmulatorConfig.Builder builder = EmulatorConfig.builder().port(0);
    AnnotationSupport.findAnnotation(classContext.getRequiredTestClass(), WorkersAiEmulatorSettings.class)
        .ifPresent(settings -> {
          if (!settings.schemas().isEmpty()) {
            builder.schemas(Path.of(settings.schemas()));
          }
          if (!settings.token().isEmpty()) {
            builder.token(settings.token());
          }
          if (!settings.accountId().isEmpty()) {
            builder.accountId(settings.accountId());
          }
          builder.enforceRateLimits(settings.enforceRateLimits());
          builder.batchPendingPolls(settings.batchPendingPolls());
        });
    return builder.build();
  }

  /** The context of the outermost test class, which owns the emulator (nested classes share it). */
  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getParent().isPresent() && current.getParent().get().getTestClass().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }
}
