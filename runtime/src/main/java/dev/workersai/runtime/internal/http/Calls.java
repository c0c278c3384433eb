package dev.workersai.runtime.internal.http;

import dev.workersai.runtime.CallOptions;
import dev.workersai.runtime.internal.CallContext;
import dev.workersai.runtime.internal.ErrorMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Making and running one OkHttp call the same way for {@code /ai/run} and {@code /ai/v1}. */
public final class Calls {
  private Calls() {}

  /**
   * A call of {@code request} whose whole-call timeout is the options' or {@code defaultTimeout}
   * (none when both are absent); set on every call, so that a user client's own call timeout cannot
   * cut a stream short.
   */
  public static Call newCall(OkHttpClient http, Request request, CallOptions options, Duration defaultTimeout) {
    Call call = http.newCall(request);
    Duration timeout = options.timeout().orElse(defaultTimeout);
    call.timeout().timeout(timeout == null ? 0 : timeout.toNanos(), TimeUnit.NANOSECONDS);
    return call;
  }

  /** Runs {@code call}; a transport failure becomes the runtime's exception, with the call's earlier failures. */
  public static Response execute(Call call, CallContext ctx, ErrorMapper errors) {
    try {
      return call.execute();
    } catch (IOException e) {
      throw ctx.withEarlierFailures(errors.fromIOException(e, ctx.model().id()));
    }
  }
}
