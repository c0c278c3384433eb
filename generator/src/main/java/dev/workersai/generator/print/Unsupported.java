package dev.workersai.generator.print;

/**
 * Thrown inside the printer for a spec it does not print the way JavaPoet would (a type variable, an
 * enum, a static import, ...); {@link JavaFilePrinter} then gives up on the file. No stack trace:
 * it is a verdict, not a failure.
 */
final class Unsupported extends UnsupportedOperationException {
  private static final long serialVersionUID = 1L;

  Unsupported(String what) {
    super(what);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
