package dev.workersai.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workersai.catalog.schema.ArrayType;
import dev.workersai.catalog.schema.ObjectType;
import dev.workersai.catalog.schema.Property;
import dev.workersai.catalog.schema.ScalarType;
import dev.workersai.catalog.schema.SchemaType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * A render key must be the same in every run over the same IR: a set's iteration order (which for
 * {@code Set.of} changes from one JVM to the next) is not part of it, a list's order is. A record it
 * has no rule for fails the key.
 */
class StructureDigestTest {
  @Test
  void aTextIsFedAsItsUtf8LengthInFourBytesThenItsBytes() throws Exception {
    // Render keys recorded by earlier runs stay valid only while these bytes do.
    MessageDigest fed = StructureDigest.sha256();
    StructureDigest.text(fed, "h\u00e9");
    MessageDigest expected = StructureDigest.sha256();
    expected.update(new byte[] {0, 0, 0, 3, 'h', (byte) 0xC3, (byte) 0xA9});
    assertThat(fed.digest()).isEqualTo(expected.digest());

    MessageDigest record = StructureDigest.sha256();
    new StructureDigest(new HashMap<>()).feed(record, "x");
    byte[] name = String.class.getName().getBytes(StandardCharsets.UTF_8);
    MessageDigest byHand = StructureDigest.sha256();
    byHand.update(new byte[] {0, 0, 0, (byte) name.length});
    byHand.update(name);
    byHand.update(new byte[] {0, 0, 0, 1, 'x'});
    assertThat(record.digest()).isEqualTo(byHand.digest());
  }

  @Test
  void aSetDigestsAlikeInAnyIterationOrderAListDoesNot() throws Exception {
    assertThat(digest(new LinkedHashSet<>(List.of("a", "b")))).isEqualTo(digest(new LinkedHashSet<>(List.of("b", "a"))));
    assertThat(digest(List.of("x", "y"))).isNotEqualTo(digest(List.of("y", "x")));
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

    assertThat(digest(hashed)).isEqualTo(digest(Map.copyOf(hashed)));
    assertThat(digest(ab)).isNotEqualTo(digest(ba));
    assertThat(digest(Map.of("a", 1))).isNotEqualTo(digest(Map.of("a", 2)));
  }

  @Test
  void aShapeIsDigestedOnceAndEqualShapesDigestAlikeWhateverTheInstance() throws Exception {
    ObjectType message = message("content");
    Map<SchemaType, String> memo = new HashMap<>();
    StructureDigest structure = new StructureDigest(memo);
    String first = digest(structure, List.of(message, new ArrayType(message, OptionalInt.empty(), OptionalInt.empty())));
    String equalCopy = digest(structure, List.of(message("content"), new ArrayType(message("content"),
        OptionalInt.empty(), OptionalInt.empty())));
    String other = digest(structure, List.of(message("text"), new ArrayType(message("content"),
        OptionalInt.empty(), OptionalInt.empty())));

    assertThat(equalCopy).isEqualTo(first)
        .isEqualTo(digest(List.of(message, new ArrayType(message, OptionalInt.empty(), OptionalInt.empty()))));
    assertThat(other).isNotEqualTo(first);
    assertThat(memo).containsOnlyKeys(message, message("text"));
  }

  record Unknown(String name) {}

  @Test
  void aRecordWithNoRuleFailsRatherThanDropOutOfTheKey() {
    assertThatThrownBy(() -> digest(List.of(new Unknown("n"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(Unknown.class.getName()).hasMessageContaining("teach IrComponents");
  }

  private static ObjectType message(String property) {
    return new ObjectType(List.of(new Property(property, ScalarType.of(ScalarType.Kind.STRING), true, Optional.empty())));
  }

  private static String digest(StructureDigest structure, Object value) {
    MessageDigest digest = StructureDigest.sha256();
    structure.feed(digest, value);
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String digest(Object value) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    new StructureDigest(new HashMap<>()).feed(digest, value);
    return HexFormat.of().formatHex(digest.digest());
  }
}
