package dev.workersai.catalog.schema;

/**
 * Limits of the class file format that generated code must stay within. They are decided here,
 * while reading, so that a schema past them reads as something plainer (a map, an unchecked string)
 * with a note, and the emitters never produce code javac refuses.
 */
final class JvmLimits {
  /**
   * Properties of an object that still becomes a record. A canonical constructor takes at most 254
   * parameters ({@code this} and the 255-slot limit), and every property adds fields, accessors and
   * checks to one class; catalog objects have a few dozen at most.
   */
  static final int MAX_PROPERTIES = 200;

  /** Values of an enum that is still checked: each is an argument of one {@code List.of} in a method of at most 64 KB. */
  static final int MAX_ENUM_VALUES = 1000;

  /** Branches of a union that is still typed: each is a class and an argument of the union's deserializer. */
  static final int MAX_BRANCHES = 100;

  /** The longest string constant of a class file, in bytes of modified UTF-8. */
  private static final int MAX_CONSTANT_BYTES = 65_535;

  private JvmLimits() {}

  /** Whether {@code text} fits in one string constant, so it can be a literal of generated code. */
  static boolean fitsStringConstant(String text) {
    if (text.length() * 3L <= MAX_CONSTANT_BYTES) {
      return true;
    }
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    return bytes <= MAX_CONSTANT_BYTES;
  }
}
