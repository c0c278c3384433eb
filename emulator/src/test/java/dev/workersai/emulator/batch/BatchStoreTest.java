package dev.workersai.emulator.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchStoreTest {
  @Test
  void keepsTheNewestBatchesOnly() {
    BatchStore store = new BatchStore(0);
    String first = store.submit("@cf/m", List.of(), JsonNodeFactory.instance.objectNode()).path("request_id").asText();
    String last = first;
    for (int i = 0; i < BatchStore.MAX_BATCHES; i++) {
      last = store.submit("@cf/m", List.of(), JsonNodeFactory.instance.objectNode()).path("request_id").asText();
    }

    assertThat(store.size()).isEqualTo(BatchStore.MAX_BATCHES);
    assertThat(store.poll("@cf/m", first)).isEmpty();
    assertThat(store.poll("@cf/m", last)).isPresent();
  }
}
