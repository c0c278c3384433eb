package dev.workersai.generator.print;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The declarations of a file as {@code JavaFile.emit}, {@code TypeSpec.emit}, {@code MethodSpec.emit},
 * {@code FieldSpec.emit} and {@code ParameterSpec.emit} write them, for classes, records and
 * interfaces (sealed ones with {@code permits} too). Enums, annotation types, anonymous classes, type
 * variables, static imports, always-qualified names, initializer blocks, {@code throws}, varargs and
 * annotation defaults are refused ({@link Unsupported}).
 *
 * <p>Lists are walked by index: for-each allocates an iterator (two, through JavaPoet's unmodifiable
 * views) per list of every member, empty lists included.
 */
final class Declarations {
  private static final Modifier[] MODIFIERS = Modifier.values();
  private static final String[] KEYWORDS = new String[MODIFIERS.length];
  /** Modifiers implied by an interface (JavaPoet's {@code TypeSpec.Kind}), as masks over ordinals. */
  private static final int INTERFACE_FIELD = mask(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
  private static final int INTERFACE_METHOD = mask(Modifier.PUBLIC, Modifier.ABSTRACT);
  private static final int INTERFACE_TYPE = mask(Modifier.PUBLIC, Modifier.STATIC);
  private static final int INTERFACE_AS_MEMBER = mask(Modifier.STATIC);

  static {
    for (Modifier m : MODIFIERS) {
      KEYWORDS[m.ordinal()] = m.name().toLowerCase(Locale.US);
    }
  }

  private final Writer out;

  Declarations(Writer out) {
    this.out = out;
  }

  /** {@code JavaFile.emit}, with the imports {@code imports} (sorted, as JavaPoet's {@code TreeSet} sorts them). */
  void file(JavaFile file, List<ClassName> imports) {
    if (!Hidden.staticImports(file).isEmpty()) {
      throw new Unsupported("static imports");
    }
    CodeBlock fileComment = Hidden.fileComment(file);
    if (!fileComment.isEmpty()) {
      out.comment(fileComment);
    }
    String packageName = file.packageName();
    if (!packageName.isEmpty()) {
      out.text("package ");
      out.text(packageName);
      out.text(";\n");
      out.text("\n");
    }
    boolean skipJavaLang = Hidden.skipJavaLangImports(file);
    int written = 0;
    for (int i = 0; i < imports.size(); i++) {
      ClassName name = imports.get(i);
      if (skipJavaLang && name.packageName().equals("java.lang")) {
        continue;
      }
      out.text("import ");
      out.text(name.canonicalName());
      out.text(";\n");
      written++;
    }
    if (written > 0) {
      out.text("\n");
    }
    type(file.typeSpec(), 0);
  }

  private void type(TypeSpec type, int implicitModifiers) {
    TypeSpec.Kind kind = type.kind();
    if (kind != TypeSpec.Kind.CLASS && kind != TypeSpec.Kind.RECORD && kind != TypeSpec.Kind.INTERFACE) {
      throw new Unsupported(kind + " " + type.name());
    }
    if (type.anonymousTypeArguments() != null || !type.typeVariables().isEmpty() || !type.alwaysQualifiedNames().isEmpty()
        || !type.staticBlock().isEmpty() || !type.initializerBlock().isEmpty()) {
      throw new Unsupported("type " + type.name());
    }
    boolean isInterface = kind == TypeSpec.Kind.INTERFACE;
    int statement = out.enterType();
    // The header is resolved inside a type of the same name that has no nested types (as JavaPoet does).
    out.scope.push(type.name(), Set.of());
    MethodSpec record = Hidden.recordConstructor(type);
    if (record != null) {
      javadoc(type.javadoc(), record.parameters());
    } else {
      javadoc(type.javadoc(), List.of());
    }
    annotations(type.annotations(), false);
    modifiers(type.modifiers(), implicitModifiers | (isInterface ? INTERFACE_AS_MEMBER : 0));
    out.text(isInterface ? "interface" : kind == TypeSpec.Kind.RECORD ? "record" : "class");
    out.text(" ");
    out.text(type.name());
    if (kind == TypeSpec.Kind.RECORD) {
      parameters(record != null ? record.parameters() : List.of(), record != null && record.varargs());
    }
    TypeName superclass = type.superclass();
    boolean extendsClass = !isInterface && !superclass.equals(ClassName.OBJECT);
    List<TypeName> superinterfaces = type.superinterfaces();
    if (extendsClass) {
      out.text(" extends");
      typeList(List.of(superclass));
    } else if (isInterface && !superinterfaces.isEmpty()) {
      out.text(" extends");
      typeList(superinterfaces);
    }
    if (!isInterface && !superinterfaces.isEmpty()) {
      out.text(" implements");
      typeList(superinterfaces);
    }
    List<TypeName> permitted = Hidden.permittedSubclasses(type);
    if (!permitted.isEmpty()) {
      out.text(" permits");
      for (int i = 0; i < permitted.size(); i++) {
        if (i > 0) {
          out.text(",");
        }
        out.text(" ");
        out.type(permitted.get(i));
      }
    }
    out.scope.pop();
    out.text(" {\n");

    out.scope.push(type.name(), type.nestedTypesSimpleNames());
    out.indent(1);
    boolean first = true;
    List<FieldSpec> fields = type.fieldSpecs();
    for (int i = 0; i < fields.size(); i++) {
      FieldSpec field = fields.get(i);
      if (field.modifiers().contains(Modifier.STATIC)) {
        first = separate(first);
        field(field, isInterface ? INTERFACE_FIELD : 0);
      }
    }
    for (int i = 0; i < fields.size(); i++) {
      FieldSpec field = fields.get(i);
      if (!field.modifiers().contains(Modifier.STATIC)) {
        first = separate(first);
        field(field, isInterface ? INTERFACE_FIELD : 0);
      }
    }
    int implicitMethod = isInterface ? INTERFACE_METHOD : 0;
    if (record != null && !record.code().isEmpty()) {
      first = separate(first);
      method(record, type.name(), implicitMethod);
    }
    List<MethodSpec> methods = type.methodSpecs();
    for (int i = 0; i < methods.size(); i++) {
      MethodSpec method = methods.get(i);
      if (method.isConstructor()) {
        first = separate(first);
        method(method, type.name(), implicitMethod);
      }
    }
    for (int i = 0; i < methods.size(); i++) {
      MethodSpec method = methods.get(i);
      if (!method.isConstructor()) {
        first = separate(first);
        method(method, type.name(), implicitMethod);
      }
    }
    List<TypeSpec> nested = type.typeSpecs();
    for (int i = 0; i < nested.size(); i++) {
      first = separate(first);
      type(nested.get(i), isInterface ? INTERFACE_TYPE : 0);
    }
    out.unindent(1);
    out.scope.pop();
    out.text("}");
    out.text("\n");
    out.leaveType(statement);
  }

  /** A blank line before every member but the first; returns false (no longer the first). */
  private boolean separate(boolean first) {
    if (!first) {
      out.text("\n");
    }
    return false;
  }

  /** {@code TypeSpec.typeList}: more than three types go one per line. */
  private void typeList(List<TypeName> types) {
    boolean onePerLine = types.size() > 3;
    out.indent(2);
    for (int i = 0; i < types.size(); i++) {
      if (i > 0) {
        out.text(",");
        out.text(onePerLine ? "\n" : " ");
      } else {
        out.text(" ");
      }
      out.type(types.get(i));
    }
    out.unindent(2);
  }

  private void field(FieldSpec field, int implicitModifiers) {
    javadoc(field.javadoc(), List.of());
    annotations(field.annotations(), false);
    modifiers(field.modifiers(), implicitModifiers);
    out.type(field.type());
    out.text(" ");
    out.text(field.name());
    if (!field.initializer().isEmpty()) {
      out.text(" = ");
      out.code(field.initializer());
    }
    out.text(";\n");
  }

  private void method(MethodSpec method, String enclosingName, int implicitModifiers) {
    CodeBlock defaultValue = method.defaultValue();
    if (!method.typeVariables().isEmpty() || !method.exceptions().isEmpty() || method.varargs()
        || (defaultValue != null && !defaultValue.isEmpty()) || method.modifiers().contains(Modifier.NATIVE)) {
      throw new Unsupported("method " + method.name());
    }
    javadoc(method.javadoc(), method.parameters());
    annotations(method.annotations(), false);
    modifiers(method.modifiers(), implicitModifiers);
    if (Hidden.compactConstructor(method)) {
      out.text(enclosingName);
    } else if (method.isConstructor()) {
      out.text(enclosingName);
      parameters(method.parameters(), false);
    } else {
      out.type(method.returnType());
      out.text(" ");
      out.text(method.name());
      parameters(method.parameters(), false);
    }
    if (method.modifiers().contains(Modifier.ABSTRACT)) {
      out.text(";\n");
      return;
    }
    out.text(" {\n");
    out.indent(1);
    out.code(method.code(), true);
    out.unindent(1);
    out.text("}\n");
  }

  /** {@code CodeWriter.emitParameters}: a soft break after the parenthesis and after each comma. */
  private void parameters(List<ParameterSpec> parameters, boolean varargs) {
    if (varargs) {
      throw new Unsupported("varargs");
    }
    out.text("(");
    out.zeroWidthSpace();
    for (int i = 0; i < parameters.size(); i++) {
      ParameterSpec parameter = parameters.get(i);
      if (i > 0) {
        out.text(",");
        out.wrappingSpace();
      }
      annotations(parameter.annotations(), true);
      modifiers(parameter.modifiers(), 0);
      out.type(parameter.type());
      out.text(" ");
      out.text(parameter.name());
    }
    out.text(")");
  }

  /**
   * {@code CodeWriter.emitJavadocWithParameters} (and {@code emitJavadoc} when there are no
   * parameters): the Javadoc, then {@code @param} for each parameter that has Javadoc, as one
   * comment; nothing when all of it is empty.
   */
  private void javadoc(CodeBlock javadoc, List<ParameterSpec> parameters) {
    boolean documented = !javadoc.isEmpty();
    for (int i = 0; !documented && i < parameters.size(); i++) {
      documented = !parameters.get(i).javadoc().isEmpty();
    }
    if (!documented) {
      return;
    }
    out.text("/**\n");
    out.javadoc(true);
    try {
      out.code(javadoc);
      boolean first = true;
      for (int i = 0; i < parameters.size(); i++) {
        ParameterSpec parameter = parameters.get(i);
        if (parameter.javadoc().isEmpty()) {
          continue;
        }
        if (first && !javadoc.isEmpty()) {
          out.text("\n");
        }
        first = false;
        out.text("@param ");
        out.text(parameter.name());
        out.text(" ");
        out.code(parameter.javadoc());
      }
      out.endLine();
    } finally {
      out.javadoc(false);
    }
    out.text(" */\n");
  }

  private void annotations(List<AnnotationSpec> annotations, boolean inline) {
    for (int i = 0; i < annotations.size(); i++) {
      out.annotation(annotations.get(i), inline);
      out.text(inline ? " " : "\n");
    }
  }

  /** {@code CodeWriter.emitModifiers}: in the order of {@link Modifier}, leaving out the implied ones. */
  private void modifiers(Set<Modifier> modifiers, int implied) {
    if (modifiers.isEmpty()) {
      return;
    }
    for (Modifier m : MODIFIERS) {
      if ((implied & (1 << m.ordinal())) == 0 && modifiers.contains(m)) {
        out.text(KEYWORDS[m.ordinal()]);
        out.text(" ");
      }
    }
  }

  private static int mask(Modifier... modifiers) {
    int mask = 0;
    for (Modifier m : modifiers) {
      mask |= 1 << m.ordinal();
    }
    return mask;
  }
}
