package dev.workersai.generator.refresh;

import dev.workersai.generator.ModelSelection;
import java.nio.file.Path;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * What to refresh and how.
 *
 * <pre>{@code
 * RefreshRequest request = RefreshRequest.of(
 *     "https://api.cloudflare.com/client/v4", accountId, ApiToken.of(token), Path.of("model-schemas"));
 * }</pre>
 *
 * <p>{@link #toString()} shows the token as redacted, like {@link ApiToken} itself.
 *
 * @param apiBaseUrl the API root, such as {@value #DEFAULT_API_BASE_URL}
 * @param accountId the Cloudflare account whose catalog is read
 * @param token the API token (needs Workers AI Read)
 * @param snapshotDirectory the snapshot folder; model files go to its {@code models} subfolder
 *     unless the folder holds them flat already; its {@code rate-limits.json} is kept
 * @param dryRun compute the change report but leave the snapshot folder as it is
 * @param tuning paging, parallelism and retries
 * @param guarded models whose breaking changes block the write (the result then says so);
 *     {@link ModelSelection#none()} lets every change through. Its include globs must each match a
 *     model of the snapshot or of the live catalog, as for a generation
 * @param allowMassRemoval write even when the live catalog lacks more than half of the snapshot's
 *     models; without it such a refresh writes nothing (an empty or wrong answer looks just like that)
 */
public record RefreshRequest(
    HttpUrl apiBaseUrl,
    String accountId,
    ApiToken token,
    Path snapshotDirectory,
    boolean dryRun,
    RefreshTuning tuning,
    ModelSelection guarded,
    boolean allowMassRemoval) {

  /** The public Cloudflare API root. */
  public static final String DEFAULT_API_BASE_URL = "https://api.cloudflare.com/client/v4";

  public RefreshRequest {
    Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
    if (accountId == null || accountId.isBlank()) {
      throw new IllegalArgumentException("the Cloudflare account id is empty");
    }
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(snapshotDirectory, "snapshotDirectory");
    Objects.requireNonNull(tuning, "tuning");
    Objects.requireNonNull(guarded, "guarded");
  }

  /**
   * A request with default tuning that writes the snapshot whatever changed.
   *
   * @throws IllegalArgumentException when {@code apiBaseUrl} is not an http(s) URL
   */
  public static RefreshRequest of(String apiBaseUrl, String accountId, ApiToken token, Path snapshotDirectory) {
    return new RefreshRequest(parseBaseUrl(apiBaseUrl), accountId, token, snapshotDirectory, false, RefreshTuning.defaults(),
        ModelSelection.none(), false);
  }

  /** A copy that only reports. */
  public RefreshRequest asDryRun(boolean dry) {
    return new RefreshRequest(apiBaseUrl, accountId, token, snapshotDirectory, dry, tuning, guarded, allowMassRemoval);
  }

  /** A copy with other tuning. */
  public RefreshRequest withTuning(RefreshTuning newTuning) {
    return new RefreshRequest(apiBaseUrl, accountId, token, snapshotDirectory, dryRun, newTuning, guarded, allowMassRemoval);
  }

  /** A copy that writes nothing when a breaking change touches a model {@code models} selects. */
  public RefreshRequest guarding(ModelSelection models) {
    return new RefreshRequest(apiBaseUrl, accountId, token, snapshotDirectory, dryRun, tuning, models, allowMassRemoval);
  }

  /** A copy that writes even when the catalog lacks most of the snapshot's models. */
  public RefreshRequest allowingMassRemoval(boolean allow) {
    return new RefreshRequest(apiBaseUrl, accountId, token, snapshotDirectory, dryRun, tuning, guarded, allow);
  }

  /**
   * Parses an API root URL.
   *
   * @throws IllegalArgumentException naming the value when it is not an http(s) URL
   */
  public static HttpUrl parseBaseUrl(String apiBaseUrl) {
    HttpUrl url = apiBaseUrl == null ? null : HttpUrl.parse(apiBaseUrl.strip());
    if (url == null) {
      throw new IllegalArgumentException("apiBaseUrl is not an http(s) URL: " + apiBaseUrl);
    }
    return url;
  }
}
