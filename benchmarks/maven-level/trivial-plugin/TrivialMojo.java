package bench.trivial;

import org.apache.maven.plugin.AbstractMojo;

/**
 * The least a plugin can be: one goal, one parameter, no dependencies, a jar of three entries. What a
 * build that runs it adds over a build that runs no plugin is what Maven costs any plugin (resolving
 * it, its class realm, looking the mojo up, configuring it): the floor under our plugin's figures
 * (floor.sh, docs/performance.md round 6). Its descriptor is written by hand (plugin.xml), so that
 * building it needs only javac and the Maven API jars of the Maven that runs it.
 */
public class TrivialMojo extends AbstractMojo {
  /** Only to be configured, as our goal's parameters are. */
  private boolean skip;

  @Override
  public void execute() {
    // A constant: a concatenation would spin invokedynamic classes that no Maven class needs.
    getLog().info(skip ? "Trivial goal skipped." : "Trivial goal ran.");
  }
}
