package app;

import dev.workersai.models.it.C;
import dev.workersai.runtime.WorkersAi;

/** Code a team wrote against the models before the refresh: it must still compile after it. */
public final class Usage {
  private Usage() {}

  /**
   * Calls a model the refresh did not change.
   *
   * @param ai the client
   * @return the answer's text
   */
  public static String unchanged(WorkersAi ai) {
    return C.on(ai).run(new C.Input("hello")).response();
  }
}
