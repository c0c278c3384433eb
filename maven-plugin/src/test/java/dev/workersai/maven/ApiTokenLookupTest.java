package dev.workersai.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.junit.jupiter.api.Test;

class ApiTokenLookupTest {
  /** Decrypts "{enc}" by dropping the marker, the way a real master password would restore it. */
  private static final SettingsDecrypter DECRYPTER = request -> new SettingsDecryptionResult() {
    @Override
    public Server getServer() {
      Server server = request.getServers().get(0).clone();
      server.setPassword(server.getPassword().replace("{enc}", ""));
      return server;
    }

    @Override
    public List<Server> getServers() {
      return List.of(getServer());
    }

    @Override
    public Proxy getProxy() {
      return null;
    }

    @Override
    public List<Proxy> getProxies() {
      return List.of();
    }

    @Override
    public List<SettingsProblem> getProblems() {
      return List.of();
    }
  };

  @Test
  void theEnvironmentVariableComesFirst() throws Exception {
    assertThat(ApiTokenLookup.find(Map.of("CLOUDFLARE_API_TOKEN", "from-env"), settings("workers-ai", "from-settings"), DECRYPTER, "workers-ai"))
        .isEqualTo(dev.workersai.generator.refresh.ApiToken.of("from-env"));
  }

  @Test
  void elseTheServerPasswordDecrypted() throws Exception {
    assertThat(ApiTokenLookup.find(Map.of(), settings("cf", "{enc}from-settings"), DECRYPTER, "cf"))
        .isEqualTo(dev.workersai.generator.refresh.ApiToken.of("from-settings"));
  }

  @Test
  void noTokenAnywhereExplainsBothWays() {
    assertThatThrownBy(() -> ApiTokenLookup.find(Map.of("CLOUDFLARE_API_TOKEN", " "), settings("other", "x"), DECRYPTER, "workers-ai"))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("CLOUDFLARE_API_TOKEN")
        .hasMessageContaining("<id>workers-ai</id>");
  }

  @Test
  void aDecryptionProblemIsReportedWithoutThePassword() {
    SettingsDecrypter failing = (SettingsDecryptionRequest request) -> new SettingsDecryptionResult() {
      @Override
      public Server getServer() {
        return null;
      }

      @Override
      public List<Server> getServers() {
        return List.of();
      }

      @Override
      public Proxy getProxy() {
        return null;
      }

      @Override
      public List<Proxy> getProxies() {
        return List.of();
      }

      @Override
      public List<SettingsProblem> getProblems() {
        return List.of(new org.apache.maven.settings.building.DefaultSettingsProblem(
            "no master password", SettingsProblem.Severity.ERROR, "server: cf", -1, -1, null));
      }
    };

    assertThatThrownBy(() -> ApiTokenLookup.find(Map.of(), settings("cf", "{enc}hunter2"), failing, "cf"))
        .hasMessageContaining("Cannot decrypt the password of server 'cf'")
        .hasMessageContaining("no master password")
        .message().doesNotContain("hunter2");
  }

  private static Settings settings(String id, String password) {
    Server server = new Server();
    server.setId(id);
    server.setPassword(password);
    Settings settings = new Settings();
    settings.addServer(server);
    return settings;
  }
}
