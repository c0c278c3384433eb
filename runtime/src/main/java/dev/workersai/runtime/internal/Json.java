package dev.workersai.runtime.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The runtime's own Jackson configuration; a user's {@link ObjectMapper} is copied, never changed. */
public final class Json {
  private Json() {}

  /**
   * A new mapper for request and response bodies: unknown response fields are ignored (the server
   * adds fields over time) and null fields are left out of requests (optional inputs are absent, not
   * null, on the wire).
   */
  public static ObjectMapper newMapper() {
    return configure(new ObjectMapper());
  }

  /** A copy of {@code userMapper} with the runtime's settings on top; {@code userMapper} is untouched. */
  public static ObjectMapper copyOf(ObjectMapper userMapper) {
    return configure(userMapper.copy());
  }

  private static ObjectMapper configure(ObjectMapper mapper) {
    mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    mapper.setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
    return mapper;
  }
}
