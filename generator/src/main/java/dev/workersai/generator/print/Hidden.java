package dev.workersai.generator.print;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Set;

/**
 * What JavaPoet (Palantir's fork, pinned in the parent POM) renders from but does not expose: a code
 * block's format parts and arguments (package-private methods), and a few private fields of
 * {@code JavaFile}, {@code TypeSpec} and {@code MethodSpec}. Read through method handles found once,
 * because printing needs them and the public API has no other way to them. An upgrade that renames
 * one leaves {@link #AVAILABLE} false (every file then falls back to JavaPoet); one that changes what
 * they mean is caught by the printer's differential test against {@code JavaFile.toString()}.
 */
final class Hidden {
  private static final MethodHandle FORMAT_PARTS = method(CodeBlock.class, "formatParts", List.class);
  private static final MethodHandle ARGS = method(CodeBlock.class, "args", List.class);
  private static final MethodHandle FILE_COMMENT = getter(JavaFile.class, "fileComment", CodeBlock.class);
  private static final MethodHandle SKIP_JAVA_LANG = getter(JavaFile.class, "skipJavaLangImports", boolean.class);
  private static final MethodHandle STATIC_IMPORTS = getter(JavaFile.class, "staticImports", Set.class);
  private static final MethodHandle INDENT = getter(JavaFile.class, "indent", String.class);
  private static final MethodHandle PERMITTED = getter(TypeSpec.class, "permittedSubclasses", List.class);
  private static final MethodHandle RECORD_CONSTRUCTOR = getter(TypeSpec.class, "recordConstructor", MethodSpec.class);
  private static final MethodHandle COMPACT = getter(MethodSpec.class, "compactConstructor", boolean.class);

  /** Whether every handle was found; when not, nothing is printed here. */
  static final boolean AVAILABLE = FORMAT_PARTS != null && ARGS != null && FILE_COMMENT != null && SKIP_JAVA_LANG != null
      && STATIC_IMPORTS != null && INDENT != null && PERMITTED != null && RECORD_CONSTRUCTOR != null && COMPACT != null;

  private Hidden() {}

  @SuppressWarnings("unchecked")
  static List<String> formatParts(CodeBlock block) {
    return (List<String>) read(FORMAT_PARTS, block);
  }

  @SuppressWarnings("unchecked")
  static List<Object> args(CodeBlock block) {
    return (List<Object>) read(ARGS, block);
  }

  static CodeBlock fileComment(JavaFile file) {
    return (CodeBlock) read(FILE_COMMENT, file);
  }

  static boolean skipJavaLangImports(JavaFile file) {
    return (Boolean) read(SKIP_JAVA_LANG, file);
  }

  static Set<?> staticImports(JavaFile file) {
    return (Set<?>) read(STATIC_IMPORTS, file);
  }

  static String indent(JavaFile file) {
    return (String) read(INDENT, file);
  }

  @SuppressWarnings("unchecked")
  static List<TypeName> permittedSubclasses(TypeSpec type) {
    return (List<TypeName>) read(PERMITTED, type);
  }

  /** The record's canonical or compact constructor (its parameters are the components), or null. */
  static MethodSpec recordConstructor(TypeSpec type) {
    return (MethodSpec) read(RECORD_CONSTRUCTOR, type);
  }

  static boolean compactConstructor(MethodSpec method) {
    return (Boolean) read(COMPACT, method);
  }

  /** Every handle is typed {@code (Object)Object} (see {@link #generic}), so one exact call reads them all. */
  private static Object read(MethodHandle handle, Object target) {
    try {
      return handle.invokeExact(target);
    } catch (Throwable e) {
      throw new Unsupported("JavaPoet internals: " + e);
    }
  }

  private static MethodHandle method(Class<?> owner, String name, Class<?> returns) {
    try {
      return generic(MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).findVirtual(owner, name,
          MethodType.methodType(returns)));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static MethodHandle getter(Class<?> owner, String name, Class<?> type) {
    try {
      return generic(MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).findGetter(owner, name, type));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static MethodHandle generic(MethodHandle handle) {
    return handle.asType(MethodType.genericMethodType(1));
  }
}
