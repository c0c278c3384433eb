package dev.workersai.maven;

import dev.workersai.generator.refresh.ApiToken;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Finds the API token: the {@value #ENV} environment variable first, then the {@code password} of a
 * {@code settings.xml} server entry (decrypted when it is encrypted with {@code mvn -ep}). The token
 * is never a Mojo parameter, so Maven's debug output of parameters cannot show it.
 */
final class ApiTokenLookup {
  /** The environment variable read first. */
  static final String ENV = "CLOUDFLARE_API_TOKEN";

  private ApiTokenLookup() {}

  static ApiToken find(Map<String, String> environment, Settings settings, SettingsDecrypter decrypter, String serverId)
      throws MojoFailureException {
    String fromEnvironment = environment.get(ENV);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return ApiToken.of(fromEnvironment);
    }
    Optional<String> fromSettings = settingsPassword(settings, decrypter, serverId);
    if (fromSettings.isPresent()) {
      return ApiToken.of(fromSettings.get());
    }
    throw new MojoFailureException("No Cloudflare API token: set the " + ENV + " environment variable, or add a <server>"
        + " with <id>" + serverId + "</id> and the token as <password> to settings.xml (see docs/plugin.md).");
  }

  private static Optional<String> settingsPassword(Settings settings, SettingsDecrypter decrypter, String serverId)
      throws MojoFailureException {
    Server server = settings == null ? null : settings.getServer(serverId);
    if (server == null || server.getPassword() == null || server.getPassword().isBlank()) {
      return Optional.empty();
    }
    if (decrypter == null) {
      return Optional.of(server.getPassword());
    }
    SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
    if (!result.getProblems().isEmpty()) {
      // The problem text is about the master password setup, never the secret itself.
      throw new MojoFailureException("Cannot decrypt the password of server '" + serverId + "' in settings.xml: "
          + result.getProblems().get(0).getMessage());
    }
    return Optional.ofNullable(result.getServer().getPassword()).filter(p -> !p.isBlank());
  }
}
