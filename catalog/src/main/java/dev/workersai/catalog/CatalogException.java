package dev.workersai.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A catalog file that cannot be used: malformed JSON, a missing {@code name}, a schema shape the
 * generator cannot make sense of. The message starts with a short stable id in brackets and names
 * the file and JSON pointer, e.g.
 * {@code [bad-schema] models/x.json#/schema/input/properties/n: "type" must be a string or array}.
 *
 * <p>Readers go on past a bad file and report every problem of a snapshot at once
 * ({@link #throwIfAny}): one exception then stands for several, listed by {@link #problems()} and
 * one per line in its message, so a snapshot with three bad files takes one run to fix, not three.
 */
public class CatalogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The order problems are reported in: by file, then pointer, then message. */
  private static final Comparator<CatalogException> ORDER = Comparator
      .comparing((CatalogException e) -> e.location().file().toString())
      .thenComparing(e -> e.location().pointer())
      .thenComparing(CatalogException::getMessage);

  private final String errorId;
  private final transient SourceLocation location;
  /** The problems this one stands for; {@code null} when it is a single problem. */
  private final transient List<CatalogException> problems;

  public CatalogException(String errorId, SourceLocation location, String problem) {
    super("[" + errorId + "] " + location + ": " + problem);
    this.errorId = errorId;
    this.location = location;
    this.problems = null;
  }

  public CatalogException(String errorId, SourceLocation location, String problem, Throwable cause) {
    super("[" + errorId + "] " + location + ": " + problem, cause);
    this.errorId = errorId;
    this.location = location;
    this.problems = null;
  }

  /** Several problems, sorted; each is also a suppressed exception, so a stack trace shows them all. */
  private CatalogException(List<CatalogException> sorted) {
    super(sorted.size() + " problems in the catalog:\n"
        + String.join("\n", sorted.stream().map(CatalogException::getMessage).toList()));
    this.errorId = "problems";
    this.location = sorted.get(0).location();
    this.problems = List.copyOf(sorted);
    sorted.forEach(this::addSuppressed);
  }

  /**
   * Throws nothing for no problems, the problem itself for one, and for more one exception listing
   * them all, sorted by file, pointer and message (the order files are read in does not matter).
   */
  public static void throwIfAny(Collection<? extends CatalogException> found) {
    List<CatalogException> all = new ArrayList<>();
    found.forEach(e -> all.addAll(e.problems()));
    if (all.size() == 1) {
      throw all.get(0);
    }
    if (!all.isEmpty()) {
      all.sort(ORDER);
      throw new CatalogException(all);
    }
  }

  /** The stable id, such as {@code bad-schema}; {@code problems} for an exception standing for several. */
  public String errorId() {
    return errorId;
  }

  /** The file and pointer at fault (for several problems, the first one's). */
  public SourceLocation location() {
    return location;
  }

  /** Every problem this exception reports, sorted; just itself unless it stands for several. */
  public List<CatalogException> problems() {
    return problems == null ? List.of(this) : problems;
  }
}
