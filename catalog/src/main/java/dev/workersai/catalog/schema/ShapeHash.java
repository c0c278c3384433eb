package dev.workersai.catalog.schema;

/**
 * The hash codes of the IR records. A record's own {@code hashCode} walks every level below it, and
 * shapes are map keys all through naming and emitting (one lookup of a deep shape hashed its whole
 * tree): here a node hashes its own components and only a {@link #tag} of each child shape, a few
 * fields, however deep the child is. Equal shapes still hash alike (the tag is a function of the
 * child's value); shapes that differ only below a child collide and are told apart by
 * {@code equals}, which is what compares them anyway. Enums hash by ordinal, not by their identity
 * hash, so that hash-ordered collections of shapes iterate alike in every JVM.
 */
final class ShapeHash {
  private ShapeHash() {}

  /** What a parent's hash takes of a child shape: its kind and size, not its subtree. */
  static int tag(SchemaType type) {
    if (type instanceof ObjectType o) {
      return 0x4f000000 + o.properties().size();
    }
    if (type instanceof UnionType u) {
      return 0x55000000 + u.branches().size();
    }
    if (type instanceof ArrayType a) {
      return 0x41000000 ^ 31 * tag(a.items());
    }
    if (type instanceof MapType m) {
      return 0x4d000000 ^ 31 * tag(m.values());
    }
    return type.hashCode();
  }
}
