package dev.workersai.maven;

import dev.workersai.generator.build.BuildLog;
import org.apache.maven.plugin.logging.Log;

/** The generator's {@link BuildLog} writing to the goal's Maven log. */
final class MavenBuildLog implements BuildLog {
  private final Log log;

  MavenBuildLog(Log log) {
    this.log = log;
  }

  @Override
  public void info(String text) {
    log.info(text);
  }

  @Override
  public void warn(String text) {
    log.warn(text);
  }

  @Override
  public void debug(String text) {
    log.debug(text);
  }
}
