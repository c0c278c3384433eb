package dev.workersai.maven;

import dev.workersai.generator.catalog.CatalogException;
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
 * <p>The token comes from the {@code CLOUDFLARE_API_TOKEN} environment variable or the
 * {@code settings.xml} server {@link #serverId}; it never appears in the log.
 *
 * @since 0.1.0
 */
@Mojo(name = "refresh", requiresProject = false, threadSafe = true)
public class RefreshMojo extends AbstractMojo {

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
   * The {@code settings.xml} server entry whose {@code <password>} holds the API token, used when the
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
      RefreshRequest request = RefreshRequest.of(apiBaseUrl, accountId.strip(), token, schemaDirectory.toPath())
          .withTuning(RefreshTuning.defaults().withPaging(pageSize, RefreshTuning.defaults().maxPages()))
          .asDryRun(dryRun)
          .guarding(failOnBreaking ? ModelSelection.of(includes, excludes) : ModelSelection.none());
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
    if (result.blockedByBreakingChanges()) {
      throw new MojoFailureException("Breaking catalog changes touch models this project selects; the snapshot in "
          + schemaDirectory + " was left as it was. See " + markdown + ".");
    }
  }

  private Path writeReport(RefreshResult result) throws MojoExecutionException {
    Path folder = reportDirectory.toPath();
    Path markdown = folder.resolve("catalog-changes.md");
    try {
      Files.createDirectories(folder);
      Files.writeString(markdown, result.changes().toMarkdown(), StandardCharsets.UTF_8);
      Files.writeString(folder.resolve("catalog-changes.json"), result.changes().toJson(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write the change report to " + folder + ": " + e.getMessage(), e);
    }
    return markdown;
  }
}
