package dev.workersai.generator.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * Turns catalog text (property names, titles, model ids) into Java identifiers. Only characters Java
 * accepts in identifiers survive (letters and digits of any script); everything else separates
 * words, so no catalog text can reach generated code except through a string literal.
 */
public final class JavaNames {
  /**
   * Simple names generated files import or declare; a generated type never takes one, so every
   * reference in a file stays unambiguous.
   */
  public static final Set<String> RESERVED_TYPE_NAMES = Set.of(
      "Builder", "Deserializer", "Unknown", "Object", "String", "Integer", "Long", "Double", "Boolean",
      "Number", "Override", "Deprecated", "SuppressWarnings", "Generated", "List", "Map", "Objects",
      "LinkedHashMap", "ArrayList", "Set", "Collection", "CompletableFuture", "JsonNode", "JsonProperty",
      "JsonInclude", "JsonIgnoreProperties", "JsonCreator", "JsonValue", "JsonDeserialize", "JsonSerialize",
      "JsonDeserializer", "TypeReference", "WorkersAi", "WorkersAiModel", "RateLimit", "ModelDescriptor",
      "ModelInput", "ModelResponse", "RequestPayload", "BinaryBody", "BinaryOutput", "ChunkStream",
      "StreamChunk", "CallOptions", "BatchJob", "InputValidationException", "Checks", "UnionDeserializer",
      "Uint8ArraySerializer", "Uint8ArrayDeserializer", "Record", "Enum", "Class");

  /**
   * The most UTF-8 bytes a name takes. Nested types end up in class files named
   * {@code Model$Type$Branch$Builder.class}, and a file name has at most 255 bytes on common file
   * systems: four names of this size and their suffixes stay below that. Names are unique per scope
   * by allocation, so a name cut short here is still made distinct where it is used.
   */
  static final int MAX_NAME_BYTES = 48;

  /**
   * What separates the words of a model id's last segment, and a dot between digits there; compiled
   * once: {@code String.split}/{@code replaceAll} compile their (Unicode class) pattern on every call,
   * for every model and word of a plan.
   */
  private static final Pattern MODEL_WORD_SEPARATOR = Pattern.compile("[^\\p{L}\\p{N}.]+");
  private static final Pattern DOT_BETWEEN_DIGITS = Pattern.compile("(?<=\\p{N})\\.(?=\\p{N})");

  private JavaNames() {}

  /** {@code max_tokens} → {@code maxTokens}, {@code top-k} → {@code topK}, {@code 2x} → {@code _2x}. */
  public static String memberName(String text) {
    if (isAscii(text)) {
      return asciiName(text, false);
    }
    List<String> words = words(text);
    if (words.isEmpty()) {
      return "value";
    }
    StringBuilder out = new StringBuilder();
    String first = words.get(0);
    out.append(first.equals(first.toUpperCase(Locale.ROOT)) ? first.toLowerCase(Locale.ROOT) : decapitalize(first));
    for (int i = 1; i < words.size(); i++) {
      out.append(capitalize(words.get(i)));
    }
    return legal(out.toString());
  }

  /** {@code response_format} → {@code ResponseFormat}. */
  public static String typeName(String text) {
    if (isAscii(text)) {
      return asciiName(text, true);
    }
    List<String> words = words(text);
    if (words.isEmpty()) {
      return "Value";
    }
    StringBuilder out = new StringBuilder();
    for (String w : words) {
      out.append(capitalize(w));
    }
    return legal(out.toString());
  }

  /** A package segment: lower case, words joined by {@code _}, e.g. {@code black-forest-labs} → {@code black_forest_labs}. */
  public static String packageSegment(String text) {
    List<String> words = words(text);
    if (words.isEmpty()) {
      return "other";
    }
    return legal(String.join("_", words).toLowerCase(Locale.ROOT));
  }

  /**
   * A model class name from the last segment of a model id: words capitalised, dots between digits
   * become {@code _}, and a word starting with a digit after a digit is set off by {@code _}:
   * {@code llama-3.1-8b-instruct} → {@code Llama3_1_8bInstruct}.
   */
  public static String modelClassName(String text) {
    StringBuilder out = new StringBuilder();
    for (String word : MODEL_WORD_SEPARATOR.split(text)) {
      String w = DOT_BETWEEN_DIGITS.matcher(word).replaceAll("_").replace(".", "");
      if (w.isEmpty()) {
        continue;
      }
      if (out.length() > 0 && Character.isDigit(out.charAt(out.length() - 1)) && Character.isDigit(w.charAt(0))) {
        out.append('_');
      }
      out.append(capitalize(w));
    }
    String name = legal(sanitize(out.toString()));
    return name.isEmpty() ? "Model" : name;
  }

  /** Whether {@code name} is a usable Java identifier (not a keyword or literal). */
  public static boolean isIdentifier(String name) {
    return SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name) && !name.contains("$");
  }

  /** Whether {@code name} is a dotted Java package name whose every segment {@link #isIdentifier is one}. */
  public static boolean isPackageName(String name) {
    for (String segment : name.split("\\.", -1)) {
      if (!isIdentifier(segment)) {
        return false;
      }
    }
    return true;
  }

  /** English singular of a plural property name, for the element type of an array. */
  public static String singular(String plural) {
    if (plural.endsWith("ies") && plural.length() > 3) {
      return plural.substring(0, plural.length() - 3) + "y";
    }
    if (plural.endsWith("s") && !plural.endsWith("ss") && plural.length() > 1) {
      return plural.substring(0, plural.length() - 1);
    }
    return plural.isEmpty() ? "Item" : plural + "Item";
  }

  /**
   * {@link #memberName} or {@link #typeName} of ASCII text in one pass, without a list of words:
   * names are worked out for every property of every record, several times. For ASCII the words are
   * runs of letters and digits, and changing the case of one character is what {@link #capitalize}
   * and {@link #decapitalize} do.
   */
  private static String asciiName(String text, boolean type) {
    StringBuilder out = new StringBuilder(text.length());
    int n = text.length();
    for (int i = 0; i < n; ) {
      while (i < n && !isAsciiLetterOrDigit(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && isAsciiLetterOrDigit(text.charAt(i))) {
        i++;
      }
      if (start == i) {
        break;
      }
      if (type || out.length() > 0) {
        out.append(Character.toUpperCase(text.charAt(start))).append(text, start + 1, i);
      } else if (hasLowerCase(text, start, i)) {
        out.append(Character.toLowerCase(text.charAt(start))).append(text, start + 1, i);
      } else {
        for (int k = start; k < i; k++) {
          out.append(Character.toLowerCase(text.charAt(k)));
        }
      }
    }
    if (out.length() == 0) {
      return type ? "Value" : "value";
    }
    return legal(out.toString());
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean hasLowerCase(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (text.charAt(i) >= 'a' && text.charAt(i) <= 'z') {
        return true;
      }
    }
    return false;
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    text.codePoints().forEach(cp -> {
      if (Character.isLetterOrDigit(cp) && !Character.isIdentifierIgnorable(cp)) {
        current.appendCodePoint(cp);
      } else if (current.length() > 0) {
        words.add(current.toString());
        current.setLength(0);
      }
    });
    if (current.length() > 0) {
      words.add(current.toString());
    }
    return words;
  }

  private static String sanitize(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().filter(cp -> cp == '_' || (Character.isLetterOrDigit(cp) && !Character.isIdentifierIgnorable(cp)))
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  private static String legal(String name) {
    String n = bounded(name);
    if (!n.isEmpty() && !Character.isJavaIdentifierStart(n.codePointAt(0))) {
      n = "_" + n;
    }
    if (SourceVersion.isKeyword(n) || n.equals("_")) {
      n = n + "_";
    }
    return n;
  }

  /** {@code name} cut to at most {@link #MAX_NAME_BYTES} bytes of UTF-8, between code points. */
  private static String bounded(String name) {
    int bytes = 0;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes > MAX_NAME_BYTES) {
        return name.substring(0, i);
      }
      i += Character.charCount(cp);
    }
    return name;
  }

  private static String capitalize(String w) {
    return w.isEmpty() ? w : w.substring(0, w.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT)
        + w.substring(w.offsetByCodePoints(0, 1));
  }

  private static String decapitalize(String w) {
    return w.isEmpty() ? w : w.substring(0, w.offsetByCodePoints(0, 1)).toLowerCase(Locale.ROOT)
        + w.substring(w.offsetByCodePoints(0, 1));
  }
}
