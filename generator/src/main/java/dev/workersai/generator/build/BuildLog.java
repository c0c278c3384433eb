package dev.workersai.generator.build;

/** Where a generation's messages go: a build tool's log, or the forked JVM's standard output. */
public interface BuildLog {
  void info(String text);

  void warn(String text);

  void debug(String text);
}
