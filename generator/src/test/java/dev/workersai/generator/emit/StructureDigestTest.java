package dev.workersai.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A render key must be the same in every run over the same IR: a set's iteration order (which for
 * {@code Set.of} changes from one JVM to the next) is not part of it, a list's order is.
 */
class StructureDigestTest {
  record Node(String name, Set<String> tags, List<String> order, Map<String, Integer> sizes) {}

  @Test
  void aSetDigestsAlikeInAnyIterationOrderAListDoesNot() throws Exception {
    Node ab = new Node("n", new LinkedHashSet<>(List.of("a", "b")), List.of("x", "y"), Map.of());
    Node ba = new Node("n", new LinkedHashSet<>(List.of("b", "a")), List.of("x", "y"), Map.of());
    Node yx = new Node("n", new LinkedHashSet<>(List.of("a", "b")), List.of("y", "x"), Map.of());

    assertThat(digest(ab)).isEqualTo(digest(ba)).isNotEqualTo(digest(yx));
  }

  @Test
  void aMapWithoutAnOrderDigestsByItsEntriesAnOrderedOneByItsOrder() throws Exception {
    Map<String, Integer> hashed = new HashMap<>(Map.of("a", 1, "b", 2));
    Map<String, Integer> ab = new LinkedHashMap<>();
    ab.put("a", 1);
    ab.put("b", 2);
    Map<String, Integer> ba = new LinkedHashMap<>();
    ba.put("b", 2);
    ba.put("a", 1);

    assertThat(digest(new Node("n", Set.of(), List.of(), hashed)))
        .isEqualTo(digest(new Node("n", Set.of(), List.of(), Map.copyOf(hashed))));
    assertThat(digest(new Node("n", Set.of(), List.of(), ab)))
        .isNotEqualTo(digest(new Node("n", Set.of(), List.of(), ba)));
    assertThat(digest(new Node("n", Set.of(), List.of(), Map.of("a", 1))))
        .isNotEqualTo(digest(new Node("n", Set.of(), List.of(), Map.of("a", 2))));
  }

  private static String digest(Object value) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    StructureDigest.feed(digest, value);
    return HexFormat.of().formatHex(digest.digest());
  }
}
