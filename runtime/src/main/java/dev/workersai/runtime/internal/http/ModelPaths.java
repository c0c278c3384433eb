package dev.workersai.runtime.internal.http;

import okhttp3.HttpUrl;

/** Puts a model id into a URL as real path segments: {@code @cf/meta/x} is three segments, never one encoded. */
public final class ModelPaths {
  private ModelPaths() {}

  /**
   * Appends the segments of {@code modelId}.
   *
   * @throws IllegalArgumentException if the id has an empty, {@code .} or {@code ..} segment
   */
  public static HttpUrl.Builder addModelSegments(HttpUrl.Builder url, String modelId) {
    for (String segment : modelId.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("not a valid model id (empty or dot path segment): \"" + modelId + "\"");
      }
      url.addPathSegment(segment);
    }
    return url;
  }
}
