package dev.workersai.generator.emit;

import com.palantir.javapoet.ClassName;
import dev.workersai.catalog.schema.SchemaType;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Everything one generated file's text is a function of, apart from the generator's own code: its
 * class name, the IR it is rendered from (a {@code ModelSpec} or a shared {@link SchemaType}: records
 * all the way down, digested component by component by {@link StructureDigest}), and the names of the types it can refer to (its nested
 * types; the shared types it reaches). Two equal digests mean equal text, so a file whose key is
 * unchanged since the last run need not be rendered again.
 */
public final class RenderKey {
  private final ClassName name;
  private final Object subject;
  private final Map<SchemaType, ClassName> nested;
  private final Map<SchemaType, ClassName> shared;
  private final StructureDigest structure;

  /**
   * @param shapeDigests a memo shared by the keys of one plan: a shared shape is named in the key of
   *     every model that reaches it, and its text is long
   */
  RenderKey(ClassName name, Object subject, Map<SchemaType, ClassName> nested, Map<SchemaType, ClassName> shared,
      Map<SchemaType, String> shapeDigests) {
    this.structure = new StructureDigest(shapeDigests);
    this.name = name;
    this.subject = subject;
    this.nested = nested;
    this.shared = shared;
  }

  /**
   * SHA-256 in hex over {@code renderer} (the generator's code identity) and everything above. The
   * keys of one plan may be digested on several threads at once (their shared memo is concurrent).
   */
  public String digest(String renderer) {
    MessageDigest digest = StructureDigest.sha256();
    update(digest, renderer);
    update(digest, name.canonicalName());
    if (subject instanceof SchemaType type) {
      update(digest, structure.shape(type));
    } else {
      structure.feed(digest, subject);
    }
    // Which shape has which name, in the order the plan met them (the order types are declared in).
    for (Map<SchemaType, ClassName> names : List.of(nested, shared)) {
      update(digest, "names " + names.size());
      names.forEach((type, className) -> {
        update(digest, className.canonicalName());
        update(digest, structure.shape(type));
      });
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, String text) {
    StructureDigest.text(digest, text);
  }
}
