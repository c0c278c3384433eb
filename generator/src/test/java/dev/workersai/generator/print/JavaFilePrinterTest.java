package dev.workersai.generator.print;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import org.junit.jupiter.api.Test;

/**
 * The tricky parts of printing, each on a hand-made file compared with JavaPoet's own
 * {@code toString()}; each test also checks that the file really has the case it is about.
 */
class JavaFilePrinterTest {
  private static final ClassName OUTER = ClassName.get("com.example", "Outer");

  @Test
  void wrapsLongParameterListsAndSoftBreaksAtOneHundredColumns() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("aMethodWithAVeryLongNameThatTakesManyParameters")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(String.class);
    List<CodeBlock> args = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      method.addParameter(ParameterSpec.builder(String.class, "parameterNumber" + i).build());
      args.add(CodeBlock.of("parameterNumber$L", i));
    }
    method.addStatement("return $T.join($S,$W$L)", String.class, ", ", CodeBlock.join(args, ",$W"));
    method.addStatement("$T.requireNonNull(parameterNumber0,$Z$S)", java.util.Objects.class,
        "a message long enough to need the zero-width break to wrap the rest of this line somewhere");
    String text = printedAsJavaPoet(file(TypeSpec.classBuilder(OUTER).addMethod(method.build()).build()));
    assertThat(text).contains("(String parameterNumber0,\n      String parameterNumber1")
        .contains("parameterNumber3,\n        parameterNumber4").contains("requireNonNull(parameterNumber0,\n        \"a message");
  }

  @Test
  void indentsTheLaterLinesOfAStatementTwiceAndEndsItWithItsStatement() {
    MethodSpec method = MethodSpec.methodBuilder("run").addModifiers(Modifier.PUBLIC)
        .addStatement("int sum = 1\n+ 2\n+ 3")
        .beginControlFlow("if (sum > 0)").addStatement("sum--").nextControlFlow("else").addStatement("sum++").endControlFlow()
        .addCode("$>$<// a comment with a $$ sign\n").build();
    String text = printedAsJavaPoet(file(TypeSpec.classBuilder(OUTER).addMethod(method).build()));
    assertThat(text).contains("int sum = 1\n        + 2");
  }

  @Test
  void importsTheFirstOfTwoClassesWithOneSimpleNameAndQualifiesTheOther() {
    ClassName otherList = ClassName.get("com.other", "List");
    ClassName samePackage = ClassName.get("com.example", "Map");
    TypeSpec type = TypeSpec.classBuilder(OUTER)
        .addField(ParameterizedTypeName.get(ClassName.get(List.class), TypeName.INT.box()), "first")
        .addField(otherList, "second")
        .addField(samePackage, "local")
        .addField(ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class),
            WildcardTypeName.subtypeOf(Object.class)), "qualifiedBecauseMapIsLocal")
        .addField(ArrayTypeName.of(ArrayTypeName.of(byte.class)), "bytes")
        .addJavadoc("See {@link $T}, which only Javadoc mentions (and is imported for it).\n", ClassName.get("com.docs", "Only"))
        .build();
    String text = printedAsJavaPoet(file(type));
    assertThat(text).contains("import java.util.List;").contains("com.other.List second")
        .contains("java.util.Map<String, ?>").contains("import com.docs.Only;").contains("{@link Only}");
  }

  @Test
  void skipsJavaLangImportsOnlyWhenAsked() {
    TypeSpec type = TypeSpec.classBuilder(OUTER).addField(String.class, "text").addField(Integer.class, "number").build();
    JavaFile skipping = file(type);
    JavaFile importing = JavaFile.builder(OUTER.packageName(), type).build();
    assertThat(printedAsJavaPoet(skipping)).doesNotContain("import java.lang");
    assertThat(printedAsJavaPoet(importing)).contains("import java.lang.Integer;\nimport java.lang.String;");
  }

  @Test
  void resolvesNestedNamesThroughTheEnclosingTypesAndQualifiesShadowedOnes() {
    ClassName inner = OUTER.nestedClass("Inner");
    ClassName deeper = inner.nestedClass("Deeper");
    ClassName nestedList = OUTER.nestedClass("List");
    TypeSpec deeperType = TypeSpec.recordBuilder(deeper).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .recordConstructor(MethodSpec.constructorBuilder().addParameter(inner, "parent").addParameter(nestedList, "list").build())
        .build();
    TypeSpec innerType = TypeSpec.interfaceBuilder(inner).addModifiers(Modifier.PUBLIC, Modifier.SEALED)
        .addPermittedSubclass(deeper).addType(deeperType)
        .addMethod(MethodSpec.methodBuilder("deeper").addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT).returns(deeper).build())
        .build();
    TypeSpec type = TypeSpec.classBuilder(OUTER).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addType(innerType)
        .addType(TypeSpec.classBuilder(nestedList).addModifiers(Modifier.STATIC).build())
        .addField(ClassName.get(List.class), "utilList")
        .addField(deeper, "deeper")
        .build();
    String text = printedAsJavaPoet(file(type));
    assertThat(text).contains("java.util.List utilList").contains("Inner.Deeper deeper").contains("Deeper deeper();")
        // a type's header is read inside the type without its nested types, so Deeper needs its qualifier there
        .contains("sealed interface Inner permits Inner.Deeper {")
        .contains("record Deeper(Inner parent, List list)");
  }

  @Test
  void writesRecordsWithComponentJavadocCompactConstructorsAndInterfaceMembers() {
    ClassName record = OUTER.nestedClass("Point");
    ClassName shape = OUTER.nestedClass("Shape");
    TypeSpec point = TypeSpec.recordBuilder(record).addModifiers(Modifier.PUBLIC)
        .addJavadoc("A point.\n")
        .addSuperinterface(shape)
        .recordConstructor(MethodSpec.constructorBuilder()
            .addParameter(ParameterSpec.builder(int.class, "x").addJavadoc("across\n").build())
            .addParameter(ParameterSpec.builder(int.class, "y").addJavadoc("down\n").build()).build())
        .addMethod(MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC)
            .addStatement("$T.checkIndex(x, 10)", java.util.Objects.class).build())
        .build();
    TypeSpec shapeType = TypeSpec.interfaceBuilder(shape).addModifiers(Modifier.PUBLIC)
        .addField(FieldSpec.builder(int.class, "SIDES", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL).initializer("$L", 0).build())
        .addMethod(MethodSpec.methodBuilder("area").addModifiers(Modifier.PUBLIC, Modifier.DEFAULT).returns(double.class)
            .addStatement("return 0").build())
        .build();
    String text = printedAsJavaPoet(file(TypeSpec.classBuilder(OUTER).addType(shapeType).addType(point).build()));
    assertThat(text).contains("@param x across").contains("public Point {").contains("int SIDES = 0;");
  }

  @Test
  void prefixesJavadocAndCommentLinesAndBreaksAtEveryKindOfLineBreak() {
    TypeSpec type = TypeSpec.classBuilder(OUTER)
        .addJavadoc("First line.\n\nAfter a blank line,\r\nafter CRLF,\rafter CR,\u2028after a line separator.\n")
        .addField(FieldSpec.builder(String.class, "TEXT").initializer("$S", "quote \" and\nnewline\tand \\ and \u0001").build())
        .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unused").build())
        .addAnnotation(AnnotationSpec.builder(ClassName.get("com.example", "Meta"))
            .addMember("names", "$S", "a").addMember("names", "$S", "b").addMember("size", "$L", 2).build())
        .build();
    JavaFile file = JavaFile.builder(OUTER.packageName(), type).addFileComment("Two lines\nof comment.").skipJavaLangImports(true)
        .build();
    String text = printedAsJavaPoet(file);
    assertThat(text).contains(" *\n * After a blank line,\n * after CRLF,\n").contains("// of comment.")
        .contains("names = {\n");
  }

  @Test
  void breaksLongTextAtEveryKindOfLineBreakAsItBreaksShortText() {
    // Text from 4 characters on is split at newlines in bulk unless it holds another line break.
    String words = "words enough to make this piece of text long,";
    List<String> breaks = List.of("\n", "\r\n", "\r", "\u000B", "\f", "\u0085", "\u2028", "\u2029");
    CodeBlock.Builder javadoc = CodeBlock.builder();
    CodeBlock.Builder comment = CodeBlock.builder();
    MethodSpec.Builder method = MethodSpec.methodBuilder("run");
    for (int i = 0; i < breaks.size(); i++) {
      String lineBreak = breaks.get(i);
      javadoc.add("$L", words + lineBreak + words + lineBreak).add("$L", "short" + lineBreak);
      comment.add("$L", words + lineBreak + "short" + lineBreak + words + lineBreak);
      method.addStatement("$L", "int aLongEnoughVariableName" + i + " = 1" + lineBreak + "+ 2" + lineBreak + "+ 3");
    }
    javadoc.add("$L", words + "\n" + words + "\n" + words);
    TypeSpec type = TypeSpec.classBuilder(OUTER).addJavadoc(javadoc.build()).addMethod(method.build()).build();
    JavaFile file = JavaFile.builder(OUTER.packageName(), type).addFileComment("$L", comment.build()).build();
    List<String> lines = printedAsJavaPoet(file).lines().toList();
    assertThat(lines).filteredOn((" * " + words)::equals).hasSize(2 * breaks.size() + 3);
    assertThat(lines).filteredOn(("// " + words)::equals).hasSize(2 * breaks.size());
    assertThat(lines).filteredOn("        + 2"::equals).hasSize(breaks.size());
  }

  @Test
  void countsColumnsInCharactersWhileWritingUtf8() {
    // Two bytes each: the second line is as long as it is only when what was written behind the soft
    // break that became a wrap counts in characters, not bytes.
    String ten = "\u00e9".repeat(10);
    String long35 = "\u00e9".repeat(35);
    String nine = "\u00e9".repeat(9);
    MethodSpec method = MethodSpec.methodBuilder("run")
        .addStatement("$T.join($S,$W$S + $S,$W$S)", String.class, ten, long35, long35, nine)
        .addStatement("$T.join($S,$W$S)", String.class, "\u2615\ud83d\ude00".repeat(20), "\ud83d\ude00".repeat(20))
        .build();
    TypeSpec type = TypeSpec.classBuilder(OUTER).addJavadoc("Caf\u00e9 \u2615 \ud83d\ude00 \u0800\uffff.\n")
        .addMethod(method).build();
    String text = printedAsJavaPoet(file(type));
    assertThat(text).contains("String.join(\"" + ten + "\",\n        \"" + long35 + "\" + \"" + long35 + "\", \"" + nine + "\");\n")
        .contains("\ud83d\ude00\",\n        \"\ud83d\ude00").contains(" * Caf\u00e9 \u2615 \ud83d\ude00 \u0800\uffff.");
  }

  @Test
  void refusesWhatItDoesNotPrintAndTextFallsBackToJavaPoet() {
    JavaFile enumFile = file(TypeSpec.enumBuilder(OUTER).addEnumConstant("A").build());
    JavaFile generic = file(TypeSpec.classBuilder(OUTER).addMethod(MethodSpec.methodBuilder("id")
        .addTypeVariable(TypeVariableName.get("T")).returns(TypeVariableName.get("T"))
        .addParameter(TypeVariableName.get("T"), "t").addStatement("return t").build()).build());
    JavaFile staticImport = JavaFile.builder(OUTER.packageName(), TypeSpec.classBuilder(OUTER).build())
        .addStaticImport(java.util.Objects.class, "requireNonNull").build();
    for (JavaFile refused : List.of(enumFile, generic, staticImport)) {
      assertThat(JavaFilePrinter.print(refused)).isEmpty();
      assertThat(JavaFilePrinter.utf8(refused)).isEqualTo(refused.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private static JavaFile file(TypeSpec type) {
    return JavaFile.builder(OUTER.packageName(), type).skipJavaLangImports(true).indent("  ").build();
  }

  /** The printer's text, after checking it is JavaPoet's, and its bytes JavaPoet's text in UTF-8. */
  private static String printedAsJavaPoet(JavaFile file) {
    String expected = file.toString();
    byte[] printed = JavaFilePrinter.print(file).orElseThrow();
    assertThat(new String(printed, StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(printed).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    return expected;
  }
}
