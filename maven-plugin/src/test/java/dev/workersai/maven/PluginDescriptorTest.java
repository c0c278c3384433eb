package dev.workersai.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The help text users read ({@code mvn help:describe}) comes from the built plugin descriptor. */
class PluginDescriptorTest {

  /**
   * The descriptor holds plain text, which {@code help:describe} renders as HTML: an element name
   * in angle brackets ({@code <password>}) would vanish from the help users read.
   */
  @Test
  void serverIdHelpNamesThePasswordElementWithoutAngleBrackets() throws Exception {
    assertThat(description("refresh", "serverId"))
        .contains("server entry whose password element holds the API token")
        .doesNotContain("<");
  }

  private static String description(String goal, String parameter) throws Exception {
    Document plugin;
    try (InputStream in = PluginDescriptorTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
      assertThat(in).as("the plugin descriptor, built in process-classes").isNotNull();
      plugin = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
    NodeList mojos = plugin.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      if (!mojo.getElementsByTagName("goal").item(0).getTextContent().equals(goal)) {
        continue;
      }
      NodeList parameters = mojo.getElementsByTagName("parameter");
      for (int j = 0; j < parameters.getLength(); j++) {
        Element p = (Element) parameters.item(j);
        if (p.getElementsByTagName("name").item(0).getTextContent().equals(parameter)) {
          return p.getElementsByTagName("description").item(0).getTextContent();
        }
      }
    }
    throw new AssertionError("no parameter " + parameter + " in goal " + goal);
  }
}
