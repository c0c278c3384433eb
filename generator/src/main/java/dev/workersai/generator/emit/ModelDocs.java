package dev.workersai.generator.emit;

import dev.workersai.catalog.schema.ModelFacts;
import dev.workersai.catalog.schema.ModelSpec;
import dev.workersai.catalog.schema.OutputSpec;
import dev.workersai.runtime.model.RateLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The class Javadoc of a model, written from catalog facts only (never from catalog prose). */
final class ModelDocs {
  private static final String MODEL_PAGE = "https://developers.cloudflare.com/workers-ai/models/";
  private static final Pattern NOT_URL_SAFE = Pattern.compile("[^a-z0-9._-]");

  private ModelDocs() {}

  static String classDoc(ModelSpec spec) {
    ModelFacts f = spec.facts();
    List<String> items = new ArrayList<>();
    items.add("Task: " + (f.task().isEmpty() ? "not given by the catalog" : Docs.text(f.task())));
    items.add("Rate limit: " + rateLimit(f));
    f.contextWindow().ifPresent(n -> items.add("Context window: " + n + " tokens"));
    f.maxInputTokens().ifPresent(n -> items.add("Maximum input: " + n + " tokens"));
    f.outputDimensions().ifPresent(n -> items.add("Output dimensions: " + n));
    if (!f.prices().isEmpty()) {
      items.add("Price: " + Docs.text(String.join("; ", f.prices())));
    }
    if (!f.flags().isEmpty()) {
      items.add("Capabilities: " + Docs.text(String.join(", ", f.flags().stream().map(s -> s.replace('_', ' ')).toList())));
    }
    spec.output().ifPresent(out -> items.add("Answers: " + answers(out)));
    f.terms().ifPresent(t -> items.add("Terms: " + Docs.code(t)));
    f.info().ifPresent(t -> items.add("More information: " + Docs.code(t)));
    StringBuilder doc = new StringBuilder("The Workers AI model ").append(Docs.code(spec.id())).append(".\n\n<ul>\n");
    items.forEach(i -> doc.append("  <li>").append(i).append("\n"));
    doc.append("</ul>\n\n<p>Model page: <a href=\"").append(modelPage(spec.id())).append("\">")
        .append(modelPage(spec.id())).append("</a>\n");
    if (!spec.typed()) {
      doc.append("\n<p>The catalog entry has no schema: this class carries the model's facts only.\n");
    } else if (!spec.schemaPublished()) {
      doc.append("\n<p>The catalog entry publishes no schema: {@code Input} and {@code Output} are the common ones of the ")
          .append(Docs.text(spec.facts().task())).append(" task, which every model of it accepts ({@link #SCHEMA_PUBLISHED}).\n");
    }
    if (f.deprecatedOrPlanned()) {
      doc.append("\n@deprecated ").append(deprecation(f)).append("\n");
    }
    return doc.toString();
  }

  /** The model's documentation page: its id's last segment, kept to URL-safe characters. */
  static String modelPage(String id) {
    String last = id.substring(id.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    last = NOT_URL_SAFE.matcher(last).replaceAll("-");
    return MODEL_PAGE + last + "/";
  }

  private static String rateLimit(ModelFacts f) {
    if (f.rateLimitSource() == RateLimit.Source.UNKNOWN) {
      return "none published";
    }
    return f.requestsPerMinute() + " requests per minute ("
        + (f.rateLimitSource() == RateLimit.Source.MODEL_OVERRIDE ? "published for this model" : "task default") + ")";
  }

  private static String answers(OutputSpec out) {
    List<String> kinds = new ArrayList<>();
    if (out.json().isPresent()) {
      kinds.add("JSON");
    }
    out.binaryContentType().ifPresent(ct -> kinds.add("bytes (" + Docs.text(ct) + ")"));
    if (out.stream()) {
      kinds.add("a stream of chunks");
    }
    return String.join(" or ", kinds);
  }

  private static String deprecation(ModelFacts f) {
    return f.plannedDeprecation()
        .map(d -> "Cloudflare plans to retire this model on " + d + ".")
        .orElse("The catalog marks this model deprecated.");
  }
}
