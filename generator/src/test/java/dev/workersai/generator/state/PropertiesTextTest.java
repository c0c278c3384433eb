package dev.workersai.generator.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What {@link PropertiesText} writes, {@link Properties#load(java.io.Reader)} reads back as it was. */
class PropertiesTextTest {
  @Test
  void everyKeyAndValueReadsBackAsWritten() throws Exception {
    SortedMap<String, String> entries = new TreeMap<>();
    entries.put("schema.models/odd = name: #1 !ü.json", "ab");
    entries.put(" leading space key", " leading space value ");
    entries.put("configuration.includes", "2:@cf/meta/*, a=b:c #d\\e\nf\r\tg\fh\u0001i");
    entries.put("empty", "");
    entries.put("tool", "0.1.0 [workers-ai-maven-plugin=246f]");
    entries.put("#not a comment", "!nor this");

    Properties read = new Properties();
    read.load(new StringReader(PropertiesText.of("a comment", entries)));

    assertThat(new TreeMap<>(read)).isEqualTo(entries);
  }

  @Test
  void theCommentThenOneLinePerEntryInKeyOrderAndNoDate() {
    SortedMap<String, String> entries = new TreeMap<>();
    entries.put("version", "2");
    entries.put("output", "ab");
    entries.put("tool", "0.1.0 [x=y]");

    assertThat(PropertiesText.of("the last run", entries))
        .isEqualTo("#the last run\noutput=ab\ntool=0.1.0 [x\\=y]\nversion=2\n");
  }
}
