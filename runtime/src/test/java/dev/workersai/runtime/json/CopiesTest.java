package dev.workersai.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CopiesTest {
  @Test
  void listsAreUnmodifiableCopiesKeepingNullElements() {
    List<String> given = new ArrayList<>(Arrays.asList("a", null, "b"));
    List<String> copy = Copies.list(given);
    given.add("c");
    assertThat(copy).containsExactly("a", null, "b");
    assertThatThrownBy(() -> copy.add("d")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(Copies.<String>list(null)).isNull();
  }

  @Test
  void mapsAreUnmodifiableCopiesInInsertionOrder() {
    Map<String, Integer> given = new LinkedHashMap<>();
    for (String key : List.of("z", "a", "m", "b", "y")) {
      given.put(key, key.length());
    }
    Map<String, Integer> copy = Copies.map(given);
    given.put("c", 1);
    assertThat(copy.keySet()).containsExactly("z", "a", "m", "b", "y");
    assertThatThrownBy(() -> copy.put("d", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(Copies.<String, Integer>map(null)).isNull();
  }
}
