package dev.workersai.generator.emit;

import dev.workersai.generator.write.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The qualified names of the public types declared in generated sources, read from their text: the
 * generator indents two spaces a level, and a type nested in an interface is public whatever it says.
 */
final class PublicTypes {
  private static final Pattern DECLARATION = Pattern.compile(
      "^( *)((?:public |protected |private |static |final |sealed |non-sealed |abstract )*)(class|interface|record|enum) (\\w+)");

  private PublicTypes() {}

  static List<String> names(List<SourceFile> files) {
    TreeSet<String> out = new TreeSet<>();
    for (SourceFile file : files) {
      String pkg = file.relativePath().substring(0, file.relativePath().lastIndexOf('/')).replace('/', '.');
      List<String> stack = new ArrayList<>();
      List<Boolean> publicStack = new ArrayList<>();
      List<Boolean> interfaceStack = new ArrayList<>();
      for (String line : file.content().split("\n")) {
        Matcher m = DECLARATION.matcher(line);
        if (!m.find()) {
          continue;
        }
        int depth = m.group(1).length() / 2;
        while (stack.size() > depth) {
          stack.remove(stack.size() - 1);
          publicStack.remove(publicStack.size() - 1);
          interfaceStack.remove(interfaceStack.size() - 1);
        }
        boolean enclosedByInterface = depth > 0 && interfaceStack.get(depth - 1);
        boolean isPublic = (m.group(2).contains("public") || enclosedByInterface)
            && (depth == 0 || publicStack.get(depth - 1));
        stack.add(m.group(4));
        publicStack.add(isPublic);
        interfaceStack.add(m.group(3).equals("interface"));
        if (isPublic) {
          out.add(pkg + "." + String.join(".", stack));
        }
      }
    }
    return List.copyOf(out);
  }
}
