package dev.workersai.langchain4j;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.scoring.ScoringModel;
import dev.workersai.runtime.task.RerankingModel;
import java.util.List;
import java.util.Objects;

/**
 * A LangChain4j {@link ScoringModel} (for re-ranking retrieved segments) on any Workers AI model
 * whose generated class implements {@link RerankingModel}: {@code new WorkersAiScoringModel(BgeM3.on(ai))}.
 */
public final class WorkersAiScoringModel implements ScoringModel {
  private final RerankingModel model;

  /**
   * A scoring model.
   *
   * @param model the generated model binding
   */
  public WorkersAiScoringModel(RerankingModel model) {
    this.model = Objects.requireNonNull(model, "model");
  }

  @Override
  public Response<List<Double>> scoreAll(List<TextSegment> segments, String query) {
    return Response.from(model.scores(query, segments.stream().map(TextSegment::text).toList()));
  }

  @Override
  public String toString() {
    return "WorkersAiScoringModel[" + model.modelId() + "]";
  }
}
