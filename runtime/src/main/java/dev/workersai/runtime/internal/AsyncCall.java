package dev.workersai.runtime.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.Call;

/**
 * A blocking call run on an executor, as a future. Retry backoff and rate-limiter waits happen inside
 * the call's interceptors; running the call with {@link Call#execute()} on this executor keeps those
 * waits off OkHttp's dispatcher threads (an enqueued call would sleep on one, starving other calls).
 *
 * <p>{@link #cancel} cancels the HTTP call and interrupts the thread running it, so a call waiting
 * for a retry or a rate-limiter permit stops at once instead of sleeping out its wait. The interrupt
 * is confined to this task: it is only sent while the task runs, and cleared before the thread
 * returns to the executor.
 *
 * @param <T> the result type
 */
public final class AsyncCall<T> extends CompletableFuture<T> implements Runnable {
  private final Call call;
  private final Function<Call, T> blocking;
  private final Function<RuntimeException, RuntimeException> onRejected;
  private Thread runner; // guarded by this: the thread running the call, while it runs
  private boolean interrupted; // guarded by this: whether cancel() interrupted the runner

  private AsyncCall(Call call, Function<Call, T> blocking, Function<RuntimeException, RuntimeException> onRejected) {
    this.call = call;
    this.blocking = blocking;
    this.onRejected = onRejected;
  }

  /**
   * Starts {@code blocking.apply(call)} on {@code executor}.
   *
   * @param onRejected maps the executor's {@link RejectedExecutionException} to the future's failure
   */
  public static <T> AsyncCall<T> start(Call call, Function<Call, T> blocking, Executor executor,
      Function<RuntimeException, RuntimeException> onRejected) {
    AsyncCall<T> future = new AsyncCall<>(call, blocking, onRejected);
    try {
      executor.execute(future);
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(onRejected.apply(e));
    }
    return future;
  }

  /**
   * The default executor of a client: threads are made when calls need them and end after a minute
   * idle. Unbounded on purpose: a bounded pool would make calls queue behind others that are only
   * waiting (backoff, rate limiter). Daemon threads, so a forgotten client never keeps a JVM alive.
   */
  public static ExecutorService newDefaultExecutor() {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory threads = task -> {
      Thread thread = new Thread(task, "workers-ai-async-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
  }

  @Override
  public void run() {
    synchronized (this) {
      if (isDone()) {
        return; // canceled before it started: send nothing
      }
      runner = Thread.currentThread();
    }
    try {
      complete(blocking.apply(call));
    } catch (RuntimeException e) {
      completeExceptionally(e);
    } finally {
      synchronized (this) {
        runner = null;
        if (interrupted) {
          Thread.interrupted(); // our interrupt must not leak into the executor's next task
        }
      }
    }
  }

  /**
   * Cancels this future and the HTTP call, and wakes the call if it is waiting for a retry or a
   * rate-limiter permit. {@code mayInterruptIfRunning} is ignored: the call is always stopped.
   */
  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean canceled = super.cancel(mayInterruptIfRunning);
    call.cancel();
    synchronized (this) {
      if (runner != null) {
        interrupted = true;
        runner.interrupt();
      }
    }
    return canceled;
  }
}
