package dev.workersai.emulator;

import static dev.workersai.emulator.RunEndpointTest.assertError;
import static dev.workersai.emulator.TestSnapshot.post;
import static dev.workersai.emulator.TestSnapshot.runUrl;
import static dev.workersai.emulator.TestSnapshot.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BindingAndAuthTest {

  @Test
  void listensOnLoopbackOnlyAndOnAFreePort() throws Exception {
    try (WorkersAiEmulator first = TestSnapshot.start(); WorkersAiEmulator second = TestSnapshot.start()) {
      assertThat(first.address().getAddress().isLoopbackAddress()).isTrue();
      assertThat(first.port()).isPositive().isNotEqualTo(second.port());
      assertThat(first.baseUrl()).isEqualTo("http://127.0.0.1:" + first.port() + "/client/v4");

      Optional<InetAddress> external = nonLoopbackAddress();
      assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to try");
      assertThatThrownBy(() -> {
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(external.get(), first.port()), 2000);
        }
      }).isInstanceOf(IOException.class);
    }
  }

  @Test
  void bindAddressOptionIsHonoured() {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (WorkersAiEmulator emulator = WorkersAiEmulator.builder().schemas(TestSnapshot.DIR)
        .bindAddress(loopback).start()) {
      assertThat(emulator.address().getAddress()).isEqualTo(loopback);
    }
  }

  @Test
  void missingOrWrongTokenIs401With10000AndTheRightOneWorks() {
    try (WorkersAiEmulator emulator = TestSnapshot.start()) {
      byte[] body = "{\"prompt\":\"hi\"}".getBytes(StandardCharsets.UTF_8);
      assertError(send(post(runUrl(emulator, "@cf/test/chat"), "application/json", body, null).build()), 401, 10000);
      assertError(send(post(runUrl(emulator, "@cf/test/chat"), "application/json", body, "wrong").build()), 401, 10000);
      assertError(TestSnapshot.send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create(emulator.baseUrl() + "/accounts/" + emulator.accountId() + "/ai/models/search"))
          .header("Authorization", "Basic " + emulator.token()).GET().build()), 401, 10000);
      assertThat(send(post(runUrl(emulator, "@cf/test/chat"), "application/json", body, "test-token").build())
          .statusCode()).isEqualTo(200);
    }
  }

  @Test
  void randomTokenByDefaultAndNeverInToString() {
    EmulatorConfig one = EmulatorConfig.builder().schemas(TestSnapshot.DIR).build();
    EmulatorConfig two = EmulatorConfig.builder().schemas(TestSnapshot.DIR).build();

    assertThat(one.token()).isNotBlank().isNotEqualTo(two.token());
    assertThat(one.toString()).doesNotContain(one.token());
    try (WorkersAiEmulator emulator = WorkersAiEmulator.start(one)) {
      assertThat(emulator.toString()).doesNotContain(one.token());
    }
  }

  @Test
  void missingSnapshotFolderIsNamed() {
    assertThatThrownBy(() -> WorkersAiEmulator.builder().schemas(TestSnapshot.DIR.resolve("nope")).start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!network.isUp() || network.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(network.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }
}
