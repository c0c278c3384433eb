package dev.workersai.generator.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The two renderings, byte for byte, and their independence from the order changes arrive in. */
class ChangeReportTest {
  private static final Change REMOVED =
      new Change("@cf/a/gone", Side.MODEL, ChangeKind.MODEL_REMOVED, "", "model removed", Compatibility.BREAKING);
  private static final Change ADDED =
      new Change("@cf/a/new", Side.MODEL, ChangeKind.MODEL_ADDED, "", "model added (Translation)", Compatibility.COMPATIBLE);
  private static final Change FIELD =
      new Change("@cf/a/m", Side.INPUT, ChangeKind.FIELD_ADDED, "$.top|k", "optional field added", Compatibility.COMPATIBLE);
  private static final Change RANGE =
      new Change("@cf/a/m", Side.INPUT, ChangeKind.RANGE_CHANGED, "$.n", "maximum 100 → 50 (narrowed)", Compatibility.BREAKING);

  @Test
  void rendersMarkdown() {
    ChangeReport report = new ChangeReport(List.of(FIELD, REMOVED, RANGE, ADDED));

    assertThat(report.toMarkdown())
        .isEqualTo(
            """
            # Workers AI catalog changes

            2 breaking, 2 compatible.

            ## Models added

            - compatible `@cf/a/new`: model added (Translation)

            ## Models removed

            - **breaking** `@cf/a/gone`: model removed

            ## Changed models

            ### `@cf/a/m`

            | | side | path | change |
            |---|---|---|---|
            | **breaking** | input | `$.n` | maximum 100 → 50 (narrowed) |
            | compatible | input | `$.top\\|k` | optional field added |
            """);
  }

  @Test
  void theModelsAProjectSelectsComeFirstWithWhatChangesInTheirGeneratedCode() {
    Change renamed = new Change("@cf/a/m", Side.GENERATED_CODE, ChangeKind.TYPE_REMOVED, "Context",
        "a.M.Context is no longer generated", Compatibility.BREAKING);
    ChangeReport report = new ChangeReport(List.of(FIELD, REMOVED, RANGE, ADDED, renamed));

    String markdown = report.toMarkdown(id -> id.equals("@cf/a/m") || id.equals("@cf/a/other"));

    assertThat(markdown).startsWith("""
        # Workers AI catalog changes

        ## Models this project selects

        - `@cf/a/m`: 2 breaking of 3; generated code: a.M.Context is no longer generated

        3 breaking, 2 compatible.
        """);
    assertThat(report.toMarkdown(id -> false)).contains("## Models this project selects\n\nNone of them changed.");
    assertThat(report.toMarkdown()).doesNotContain("Models this project selects");
  }

  @Test
  void rendersJson() {
    ChangeReport report = new ChangeReport(List.of(RANGE, REMOVED));

    assertThat(report.toJson())
        .isEqualTo(
            """
            {
              "breaking": 2,
              "costIncrease": 0,
              "compatible": 0,
              "changes": [
                {
                  "model": "@cf/a/gone",
                  "side": "model",
                  "kind": "MODEL_REMOVED",
                  "path": "",
                  "detail": "model removed",
                  "compatibility": "BREAKING"
                },
                {
                  "model": "@cf/a/m",
                  "side": "input",
                  "kind": "RANGE_CHANGED",
                  "path": "$.n",
                  "detail": "maximum 100 → 50 (narrowed)",
                  "compatibility": "BREAKING"
                }
              ]
            }
            """);
  }

  @Test
  void anEmptyReportSaysSo() {
    ChangeReport empty = new ChangeReport(List.of());

    assertThat(empty.toMarkdown()).isEqualTo("# Workers AI catalog changes\n\nNo changes.\n");
    assertThat(empty.toJson()).isEqualTo("{\n  \"breaking\": 0,\n  \"costIncrease\": 0,\n  \"compatible\": 0,\n  \"changes\": [ ]\n}\n");
  }

  @Test
  void orderOfArrivalDoesNotMatter() {
    ChangeReport one = new ChangeReport(List.of(FIELD, REMOVED, RANGE, ADDED));
    ChangeReport other = new ChangeReport(List.of(ADDED, RANGE, REMOVED, FIELD));

    assertThat(one.toMarkdown()).isEqualTo(other.toMarkdown());
    assertThat(one.toJson()).isEqualTo(other.toJson());
    assertThat(one).isEqualTo(other);
  }
}
