package dev.workersai.maven;

import dev.workersai.catalog.CatalogException;
import dev.workersai.generator.refresh.ApiToken;
import dev.workersai.generator.refresh.CatalogRefresher;
import dev.workersai.generator.ModelSelection;
import dev.workersai.generator.refresh.RefreshException;
import dev.workersai.generator.refresh.RefreshRequest;
import dev.workersai.generator.refresh.RefreshResult;
import dev.workersai.generator.refresh.RefreshTuning;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Pulls the live Workers AI catalog into the snapshot folder and reports what changed.
 *
 * <p>Reads <code>GET {apiBaseUrl}/accounts/{accountId}/ai/models/search</code> page by page, then each
 * model's schema from {@code .../ai/models/schema}, with a few requests in parallel and retries with
 * backoff. The new snapshot replaces the old one in a single folder swap, keeping
 * {@code rate-limits.json}; if anything fails on the way the old snapshot stays exactly as it was.
 *
 * <p>The change report (models added, removed, deprecated; per model, fields added or removed, type,
 * required, enum and range changes, each marked breaking or compatible) is printed and written to
 * {@code target/workers-ai/catalog-changes.md} and {@code .json}.
 *
 * <p>Nothing is written, and the build fails, when the catalog lacks more than half of the
 * snapshot's models (unless {@link #allowMassRemoval}), when the API redirects, when an answer is
 * larger than {@link #maxResponseBytes}, or when {@link #failOnBreaking} finds a breaking change to a
 * selected model; the failure names the changes behind it.
 *
 * <p>The token comes from the {@code CLOUDFLARE_API_TOKEN} environment variable or the
 * {@code settings.xml} server {@link #serverId}; it never appears in the log, even when a server
 * echoes it back.
 *
 * @since 0.1.0
 */
@Mojo(name = "refresh", requiresProject = false, threadSafe = true)
public class RefreshMojo extends AbstractMojo {
  /** Changes named in the failure message of a blocked refresh; the report has them all. */
  private static final int CHANGES_SHOWN = 10;

  /**
   * The Cloudflare API root. Point it at a local emulator or a proxy to refresh from elsewhere.
   *
   * @since 0.1.0
   */
  @Parameter(property = "workers-ai.apiBaseUrl", defaultValue = RefreshRequest.DEFAULT_API_BASE_URL, required = true)
  String apiBaseUrl;

  /**
   * The Cloudflare account whose catalog is read: the {@code workers-ai.accountId} property, else the
   * {@code CLOUDFLARE_ACCOUNT_ID} environment variable.
   *
   * @since 0.1.0
   */
  @Parameter(property = "workers-ai.accountId", defaultValue = "${env.CLOUDFLARE_ACCOUNT_ID}")
  String accountId;

  /**
   * The {@code settings.xml} server entry whose password element holds the API token, used when the
   * {@code CLOUDFLARE_API_TOKEN} environment variable is not set. Encrypted passwords are decrypted.
   *
   * @since 0.1.0
   */
  @Parameter(property = "workers-ai.serverId", defaultValue = "workers-ai", required = true)
  String serverId;

  /**
   * The snapshot folder to refresh, the same folder the {@code generate} goal reads. Model files go to
   * its {@code models/} subfolder (or stay flat if the folder already holds them flat); the folder's
   * {@code rate-limits.json} is kept as it is.
   *
   * @since 0.1.0
   */
  @Parameter(property = "workers-ai.schemaDirectory", defaultValue = "${project.basedir}/model-schemas", required = true)
  File schemaDirectory;

  /**
   * Computes and prints the change report but leaves the snapshot folder untouched.
   *
   * @since 0.1.0
   */
  @Parameter(property = "workers-ai.dryRun", defaultValue = "false")
  boolean dryRun;

  /**
   * Fails the build, and leaves the snapshot as it was, when a breaking change (a removed model or
   * field, a new required field, a type change, a narrowed enum or range) touches a model selected by
   * {@link #includes} and {@link #excludes}. Useful in a scheduled CI job that watches the catalog.
   *
   * @since 0.1.0
   */
  @Parameter(property = "workers-ai.failOnBreaking", defaultValue = "false")
  boolean failOnBreaking;

  /**
   * Model id globs the project uses, as for {@code generate}; only these count for
   * {@link #failOnBreaking}. Empty means every model. The snapshot always receives the whole catalog.
   * With {@link #failOnBreaking}, an include that matches no model of the snapshot or of the live
   * catalog fails the refresh and lists the closest ids, as {@code generate} does.
   *
   * @since 0.1.0
   */
  @Parameter(property = "workers-ai.includes")
  List<String> includes;

  /**
   * Model id globs the project does not use, applied after {@link #includes}, for {@link #failOnBreaking}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "workers-ai.excludes")
  List<String> excludes;

  /**
   * Models asked for per search page ({@code per_page}). Paging stops at the first page that is empty,
   * shorter than this, or brings no new model, so the value only trades request count for answer size.
   *
   * @since 0.1.0
   */
  @Parameter(property = "workers-ai.pageSize", defaultValue = "100")
  int pageSize;

  /**
   * Lets a refresh write although the live catalog lacks more than half of the snapshot's models.
   * Without it such a refresh writes nothing and fails: an empty answer, an error page or a proxy
   * serving another account look exactly like that, and writing would delete the project's model
   * files. Set it once, on the command line, after reading the report of a {@link #dryRun}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "workers-ai.allowMassRemoval", defaultValue = "false")
  boolean allowMassRemoval;

  /**
   * The largest answer read from the API, in bytes; a larger one fails the refresh naming the
   * request, instead of exhausting the heap. The default, 64 MiB, is far above what a search page or
   * a schema holds today.
   *
   * @since 0.1.0
   */
  @Parameter(property = "workers-ai.maxResponseBytes", defaultValue = "" + RefreshTuning.DEFAULT_MAX_RESPONSE_BYTES)
  int maxResponseBytes;

  /**
   * Where {@code catalog-changes.md} and {@code catalog-changes.json} are written.
   *
   * @since 0.1.0
   */
  @Parameter(property = "workers-ai.reportDirectory", defaultValue = "${project.build.directory}/workers-ai", required = true)
  File reportDirectory;

  /** The user's settings, for the token's server entry. */
  @Parameter(defaultValue = "${settings}", readonly = true)
  Settings settings;

  /** Decrypts settings.xml passwords encrypted with {@code mvn --encrypt-password}. */
  private final SettingsDecrypter decrypter;

  /** Maven creates the goal, injecting the decrypter. */
  @Inject
  public RefreshMojo(SettingsDecrypter decrypter) {
    this.decrypter = decrypter;
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (accountId == null || accountId.isBlank()) {
      throw new MojoFailureException("No Cloudflare account id: set CLOUDFLARE_ACCOUNT_ID or -Dworkers-ai.accountId=<id>.");
    }
    ApiToken token = ApiTokenLookup.find(System.getenv(), settings, decrypter, serverId);
    RefreshResult result;
    try {
      RefreshTuning tuning = RefreshTuning.defaults().withPaging(pageSize, RefreshTuning.defaults().maxPages())
          .withMaxResponseBytes(maxResponseBytes);
      RefreshRequest request = RefreshRequest.of(apiBaseUrl, accountId.strip(), token, schemaDirectory.toPath())
          .withTuning(tuning)
          .asDryRun(dryRun)
          .guarding(failOnBreaking ? ModelSelection.of(includes, excludes) : ModelSelection.none())
          .allowingMassRemoval(allowMassRemoval);
      result = CatalogRefresher.refresh(request, getLog()::info);
    } catch (RefreshException | CatalogException | IllegalArgumentException e) {
      throw new MojoFailureException("Catalog refresh failed, the snapshot in " + schemaDirectory + " is unchanged: "
          + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    result.warnings().forEach(getLog()::warn);
    Path markdown = writeReport(result);
    getLog().info(result.changes().toMarkdown());
    getLog().info(result.outcomeSentence() + " Report: " + markdown);
    if (result.blocked()) {
      throw new MojoFailureException(blockedMessage(result, markdown));
    }
  }

  /** Why nothing was written, naming the first few changes behind it; Maven prints it as [ERROR] lines. */
  private String blockedMessage(RefreshResult result, Path markdown) {
    String why = result.blockedByBreakingChanges()
        ? "Breaking catalog changes touch models this project selects (" + result.outcomeSentence() + ")"
        : "The catalog answer would remove most models (" + result.outcomeSentence()
            + " Rerun with -Dworkers-ai.allowMassRemoval=true if that is right.)";
    StringBuilder message = new StringBuilder(why).append(" The snapshot in ").append(schemaDirectory)
        .append(" was left as it was:");
    result.blockedByLines(CHANGES_SHOWN).forEach(line -> message.append("\n  - ").append(line));
    return message.append("\nFull report: ").append(markdown).toString();
  }

  private Path writeReport(RefreshResult result) throws MojoExecutionException {
    Path folder = reportDirectory.toPath();
    Path markdown = folder.resolve("catalog-changes.md");
    try {
      Files.createDirectories(folder);
      boolean narrowed = (includes != null && !includes.isEmpty()) || (excludes != null && !excludes.isEmpty());
      Files.writeString(markdown, result.changes().toMarkdown(narrowed ? ModelSelection.of(includes, excludes) : null),
          StandardCharsets.UTF_8);
      Files.writeString(folder.resolve("catalog-changes.json"), result.changes().toJson(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write the change report to " + folder + ": " + e.getMessage(), e);
    }
    return markdown;
  }
}
