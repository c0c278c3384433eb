package dev.workersai.maven;

import dev.workersai.generator.build.ChildArguments;
import dev.workersai.generator.build.ChildLine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;

/**
 * A child JVM for {@link ForkedGenerationTest}: speaks {@link ChildLine}s as a scripted scenario,
 * named by the package name of the arguments it is given, instead of generating.
 */
public final class ScriptedChild {
  private ScriptedChild() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    ChildArguments arguments = ChildArguments.parse(Arrays.asList(args));
    switch (arguments.request().packageName()) {
      case "talk" -> {
        out.print(new ChildLine(ChildLine.Type.INFO, "first\nsecond \\ line").encode() + "\n");
        out.print(new ChildLine(ChildLine.Type.WARN, "careful: ünïcødé").encode() + "\n");
        out.print(new ChildLine(ChildLine.Type.DEBUG, "details").encode() + "\n");
        out.print("not a protocol line\n");
        System.err.println("OpenJDK 64-Bit Server VM warning: something");
        System.exit(0);
      }
      case "fail" -> {
        out.print(new ChildLine(ChildLine.Type.INFO, "before").encode() + "\n");
        out.print(new ChildLine(ChildLine.Type.FAIL_BAD_INPUT, "2 problems in the catalog:\n[bad-schema] a.json#/x").encode() + "\n");
        System.exit(1);
      }
      case "io" -> {
        out.print(new ChildLine(ChildLine.Type.FAIL_IO, "cannot write /out").encode() + "\n");
        System.exit(1);
      }
      case "hang" -> {
        out.print(new ChildLine(ChildLine.Type.INFO, "started " + ProcessHandle.current().pid()).encode() + "\n");
        Thread.sleep(120_000);   // stopped long before, unless the parent fails to stop it
        Files.writeString(arguments.stateFile(), "survived");
        System.exit(0);
      }
      default -> {
        System.err.println("Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space");
        System.exit(3);
      }
    }
  }
}
