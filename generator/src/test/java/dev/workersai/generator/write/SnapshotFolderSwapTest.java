package dev.workersai.generator.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotFolderSwapTest {
  @TempDir Path temp;

  @Test
  void nothingIsVisibleUntilCommitAndDiscardLeavesTheFolderAsItWas() throws IOException {
    Path folder = folderWith("old.json", "old");
    SnapshotFolderSwap swap = new SnapshotFolderSwap(folder);

    Path staged = swap.stage(Map.of("new.json", bytes("new")), name -> false);
    assertThat(names(folder)).containsExactly("old.json");
    swap.discard(staged);

    assertThat(names(folder)).containsExactly("old.json");
    assertThat(names(temp)).containsExactly("models");
  }

  @Test
  void commitReplacesTheWholeFolderAndCarriesOverWhatKeepAccepts() throws IOException {
    Path folder = folderWith("old.json", "old");
    Files.writeString(folder.resolve("README.txt"), "mine");
    SnapshotFolderSwap swap = new SnapshotFolderSwap(folder);

    swap.commit(swap.stage(Map.of("new.json", bytes("new")), name -> name.endsWith(".txt")));

    assertThat(names(folder)).containsExactly("README.txt", "new.json");
    assertThat(names(temp)).containsExactly("models");
  }

  @Test
  void aSwapCutShortBetweenTheTwoRenamesIsUndoneByTheNextOne() throws IOException {
    Path folder = folderWith("old.json", "old");
    // What a process killed after moving the folder aside leaves behind.
    Path asideByDeadProcess = temp.resolve(".models.refresh-old-1234");
    Files.move(folder, asideByDeadProcess);
    Files.createDirectories(temp.resolve(".models.refresh-new-5678"));
    SnapshotFolderSwap swap = new SnapshotFolderSwap(folder);

    Path staged = swap.stage(Map.of("new.json", bytes("new")), name -> false);

    assertThat(names(folder)).containsExactly("old.json");
    swap.discard(staged);
    assertThat(names(temp)).containsExactly("models");
  }

  private Path folderWith(String file, String content) throws IOException {
    Path folder = Files.createDirectories(temp.resolve("models"));
    Files.writeString(folder.resolve(file), content);
    return folder;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static java.util.List<String> names(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
