package dev.workersai.generator.compile;

import dev.workersai.generator.write.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources in-process with {@code -Xlint:all -Werror} against the test class
 * path (runtime, Jackson), and loads the classes. Any warning fails, with every diagnostic listed.
 */
public final class GeneratedCode {
  private GeneratedCode() {}

  /**
   * Writes {@code files} below {@code dir}/src, compiles them into {@code dir}/classes and returns
   * a class loader for them.
   *
   * @throws AssertionError listing the diagnostics when javac reports an error or a warning
   */
  public static ClassLoader compile(List<SourceFile> files, Path dir) {
    try {
      Path src = dir.resolve("src");
      Path classes = Files.createDirectories(dir.resolve("classes"));
      List<Path> paths = new ArrayList<>();
      for (SourceFile f : files) {
        Path p = src.resolve(f.relativePath());
        Files.createDirectories(p.getParent());
        Files.writeString(p, f.content(), StandardCharsets.UTF_8);
        paths.add(p);
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
        List<String> options = List.of("-Xlint:all", "-Werror", "-proc:none", "-encoding", "UTF-8",
            "-classpath", System.getProperty("java.class.path"), "-d", classes.toString());
        boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(paths)).call();
        List<Diagnostic<? extends JavaFileObject>> reported = diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() != Diagnostic.Kind.NOTE).toList();
        if (!ok || !reported.isEmpty()) {
          throw new AssertionError("generated code does not compile cleanly (" + reported.size() + " diagnostics):\n"
              + reported.stream().limit(50).map(GeneratedCode::describe).collect(Collectors.joining("\n")));
        }
      }
      return new URLClassLoader(new URL[] {classes.toUri().toURL()}, GeneratedCode.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(Diagnostic<? extends JavaFileObject> d) {
    String file = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
    return d.getKind() + " " + file + d.getMessage(Locale.ROOT);
  }
}
