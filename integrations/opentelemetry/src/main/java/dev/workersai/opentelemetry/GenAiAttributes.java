package dev.workersai.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * The GenAI semantic-convention names we use, spelled here rather than taken from the incubating
 * semconv artifact, whose constants still move between releases.
 */
final class GenAiAttributes {
  static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");
  static final AttributeKey<String> PROVIDER_NAME = AttributeKey.stringKey("gen_ai.provider.name");
  static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
  static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
  static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
  static final AttributeKey<String> TOKEN_TYPE = AttributeKey.stringKey("gen_ai.token.type");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  /** Ours, for what the conventions do not cover (retries and client-side rate limiting). */
  static final AttributeKey<Long> RETRY = AttributeKey.longKey("workers_ai.retry");
  static final AttributeKey<Double> RETRY_DELAY = AttributeKey.doubleKey("workers_ai.retry.delay");
  static final AttributeKey<Double> RATE_LIMIT_WAIT = AttributeKey.doubleKey("workers_ai.rate_limit.wait");
  static final AttributeKey<Boolean> RATE_LIMIT_GRANTED = AttributeKey.booleanKey("workers_ai.rate_limit.granted");
  static final AttributeKey<Boolean> STREAM = AttributeKey.booleanKey("workers_ai.stream");

  /** Not yet a well-known {@code gen_ai.provider.name}; follows the {@code vendor.product} pattern of those. */
  static final String PROVIDER = "cloudflare.workers_ai";

  static final String METRIC_DURATION = "gen_ai.client.operation.duration";
  static final String METRIC_TOKENS = "gen_ai.client.token.usage";
  static final String METRIC_RATE_LIMIT_WAIT = "workers_ai.client.rate_limit.wait.duration";
  static final String EVENT_RETRY = "workers_ai.retry";
  static final String EVENT_RATE_LIMIT_WAIT = "workers_ai.rate_limit.wait";

  /** The bucket boundaries the conventions advise for the two histograms. */
  static final List<Double> DURATION_BUCKETS =
      List.of(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);
  static final List<Long> TOKEN_BUCKETS = List.of(1L, 4L, 16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L, 262144L,
      1048576L, 4194304L, 16777216L, 67108864L);

  private GenAiAttributes() {}
}
