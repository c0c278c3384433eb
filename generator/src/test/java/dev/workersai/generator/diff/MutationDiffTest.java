package dev.workersai.generator.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.catalog.Catalog;
import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.CatalogReader;
import dev.workersai.catalog.RateLimitTable;
import dev.workersai.catalog.SharedCorpus;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A seeded property test on the real catalog: each round takes a published model, applies one
 * change of one kind at a random place of its input or output schema (top level, nested objects,
 * array elements, map values, union branches) and checks that the report names exactly that change,
 * at its path, with its classification, and nothing else. Run another seed with
 * {@code -Ddiff.seed=N}; a failure prints the seed, file, pointer and report to reproduce it.
 */
class MutationDiffTest {
  /** Enough for every kind of change to land in every kind of place with any seed tried (1 to 20). */
  private static final int ROUNDS = 1300;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

  /** The kinds of change applied, each with what it means on each side. */
  enum Mutation {
    ADD_OPTIONAL_FIELD(ChangeKind.FIELD_ADDED, Compatibility.COMPATIBLE, Compatibility.COMPATIBLE),
    ADD_REQUIRED_FIELD(ChangeKind.FIELD_ADDED, Compatibility.BREAKING, Compatibility.COMPATIBLE),
    REMOVE_FIELD(ChangeKind.FIELD_REMOVED, Compatibility.BREAKING, Compatibility.BREAKING),
    MAKE_REQUIRED(ChangeKind.REQUIRED_CHANGED, Compatibility.BREAKING, Compatibility.COMPATIBLE),
    MAKE_OPTIONAL(ChangeKind.REQUIRED_CHANGED, Compatibility.COMPATIBLE, Compatibility.BREAKING),
    CHANGE_TYPE(ChangeKind.TYPE_CHANGED, Compatibility.BREAKING, Compatibility.BREAKING),
    ADD_ENUM_VALUE(ChangeKind.ENUM_CHANGED, Compatibility.COMPATIBLE, Compatibility.BREAKING),
    REMOVE_ENUM_VALUE(ChangeKind.ENUM_CHANGED, Compatibility.BREAKING, Compatibility.COMPATIBLE),
    RESTRICT_TO_ENUM(ChangeKind.ENUM_CHANGED, Compatibility.BREAKING, Compatibility.COMPATIBLE),
    NARROW_RANGE(ChangeKind.RANGE_CHANGED, Compatibility.BREAKING, Compatibility.COMPATIBLE),
    WIDEN_RANGE(ChangeKind.RANGE_CHANGED, Compatibility.COMPATIBLE, Compatibility.COMPATIBLE),
    ADD_BRANCH(ChangeKind.BRANCH_ADDED, Compatibility.COMPATIBLE, Compatibility.BREAKING),
    REMOVE_BRANCH(ChangeKind.BRANCH_REMOVED, Compatibility.BREAKING, Compatibility.COMPATIBLE);

    final ChangeKind kind;
    final Compatibility onInput;
    final Compatibility onOutput;

    Mutation(ChangeKind kind, Compatibility onInput, Compatibility onOutput) {
      this.kind = kind;
      this.onInput = onInput;
      this.onOutput = onOutput;
    }
  }

  /** Where a site sits, to check that every kind of place was tried. */
  enum Place { TOP, NESTED_OBJECT, ARRAY_ELEMENT, MAP_VALUE, UNION_BRANCH }

  /**
   * A schema node a mutation may apply to.
   *
   * @param pointer where it is in the schema
   * @param path a pattern for the instance path the report should name
   * @param parent the object schema holding it as a property, null for other nodes
   * @param name its property name, null for other nodes
   * @param places where it sits
   * @param leaves for a union, the pointers of its branches (nested unions flattened); else empty
   */
  record Site(String pointer, String path, String parent, String name, Set<Place> places, List<String> leaves) {}

  @Test
  void everyChangeIsReportedOnceAtItsPathWithItsClassification() throws IOException {
    long seed = Long.getLong("diff.seed", 15L);
    Random random = new Random(seed);
    List<CatalogModel> models = corpus();
    Set<String> covered = new TreeSet<>();
    int applied = 0;
    for (int round = 0; round < ROUNDS; round++) {
      CatalogModel model = models.get(random.nextInt(models.size()));
      Side side = random.nextBoolean() ? Side.INPUT : Side.OUTPUT;
      JsonNode schema = (side == Side.INPUT ? model.inputSchema() : model.outputSchema()).orElseThrow();
      Mutation mutation = Mutation.values()[round % Mutation.values().length];
      List<Site> sites = new ArrayList<>();
      walk(schema, "", "\\$", Set.of(Place.TOP), null, null, sites);
      sites.removeIf(site -> !applies(mutation, schema, site));
      if (sites.isEmpty()) {
        continue;
      }
      Site site = sites.get(random.nextInt(sites.size()));
      JsonNode changed = schema.deepCopy();
      String path = apply(mutation, changed, site, random);
      CatalogModel after = new CatalogModel(model.id(), model.task(), model.properties(), model.deprecated(),
          side == Side.INPUT ? Optional.of(changed) : model.inputSchema(),
          side == Side.OUTPUT ? Optional.of(changed) : model.outputSchema(), model.source());

      List<Change> changes = CatalogDiff.compare(catalog(model), catalog(after)).changes();

      Compatibility expected = side == Side.INPUT ? mutation.onInput : mutation.onOutput;
      String context = "seed " + seed + ", round " + round + ": " + mutation + " on " + model.source().file().getFileName()
          + " " + side.label() + " at " + site.pointer() + ", expecting " + path + "; report:\n" + changes;
      assertThat(changes).as(context).hasSize(1);
      Change change = changes.get(0);
      assertThat(change.side()).as(context).isEqualTo(side);
      assertThat(change.kind()).as(context).isEqualTo(mutation.kind);
      assertThat(change.compatibility()).as(context).isEqualTo(expected);
      assertThat(change.path()).as(context).matches(path);
      applied++;
      site.places().forEach(place -> covered.add(mutation + "@" + place));
      covered.add(mutation + "@" + side);
      if (site.places().contains(Place.UNION_BRANCH)) {
        assertThat(change.path()).as(context + "\na change inside a union branch names the branch").contains("[");
      }
    }
    assertThat(applied).isGreaterThan(ROUNDS / 2);
    // each kind of change was tried on both sides, inside a union branch, in array elements and in nested objects
    for (Mutation mutation : Mutation.values()) {
      for (Object place : List.of(Place.UNION_BRANCH, Place.ARRAY_ELEMENT, Place.NESTED_OBJECT, Side.INPUT, Side.OUTPUT)) {
        assertThat(covered).as("seed " + seed).contains(mutation + "@" + place);
      }
    }
  }

  private static List<CatalogModel> corpus() throws IOException {
    try (Stream<Path> files = Files.list(SharedCorpus.modelsDirectory())) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().map(CatalogReader::readModel)
          .filter(CatalogModel::hasSchema).toList();
    }
  }

  private static Catalog catalog(CatalogModel model) {
    return new Catalog(List.of(model), RateLimitTable.empty());
  }

  /**
   * Collects the sites under a schema node at instance path pattern {@code path}. A union with two
   * or more branches (nested unions flattened, null branches not counted) adds a branch name to the
   * path: {@code [label]}, or in place of an array's {@code []} a discriminator {@code [name=value]}.
   */
  private static void walk(JsonNode node, String pointer, String path, Set<Place> places, String parent, String name,
      List<Site> sites) {
    if (!node.isObject()) {
      return;
    }
    String union = node.has("oneOf") ? "oneOf" : node.has("anyOf") ? "anyOf" : null;
    if (union != null) {
      List<String> leaves = new ArrayList<>();
      leaves(node, pointer, leaves);
      boolean labelled = leaves.size() > 1;
      Set<Place> inBranch = labelled ? with(places, Place.UNION_BRANCH) : places;
      sites.add(new Site(pointer, branch(path), null, null, with(places, Place.UNION_BRANCH), leaves));
      for (String leaf : leaves) {
        walk(at(node, pointer, leaf), leaf, labelled ? branch(path) : path, inBranch, labelled ? null : parent, name, sites);
      }
      return;
    }
    sites.add(new Site(pointer, path, parent, name, places, List.of()));
    if (node.get("properties") instanceof ObjectNode properties) {
      // the fields of the instance itself are top-level; those of any other object are nested
      boolean instanceRoot = places.contains(Place.TOP) && parent == null;
      Set<Place> fieldPlaces = instanceRoot ? places : with(without(places, Place.TOP), Place.NESTED_OBJECT);
      for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
        String field = names.next();
        walk(properties.get(field), pointer + "/properties/" + escape(field), path + member(field), fieldPlaces, pointer, field, sites);
      }
    }
    if (node.get("items") instanceof ObjectNode items) {
      walk(items, pointer + "/items", path + "\\[\\]", with(without(places, Place.TOP), Place.ARRAY_ELEMENT), null, null, sites);
    }
    if (node.get("additionalProperties") instanceof ObjectNode values) {
      walk(values, pointer + "/additionalProperties", path + "\\.\\*", with(without(places, Place.TOP), Place.MAP_VALUE), null, null,
          sites);
    }
  }

  /** The pointers of the non-null leaves of a union, nested unions flattened. */
  private static void leaves(JsonNode node, String pointer, List<String> out) {
    String union = node.has("oneOf") ? "oneOf" : node.has("anyOf") ? "anyOf" : null;
    if (union == null) {
      if (!node.path("type").asText().equals("null")) {
        out.add(pointer);
      }
      return;
    }
    for (int i = 0; i < node.get(union).size(); i++) {
      leaves(node.get(union).get(i), pointer + "/" + union + "/" + i, out);
    }
  }

  private static JsonNode at(JsonNode node, String pointer, String leaf) {
    return node.at(leaf.substring(pointer.length()));
  }

  private static String branch(String path) {
    if (path.endsWith("\\[\\]")) {
      return path.substring(0, path.length() - 4) + "(?:\\[\\]\\[[^\\]=]+\\]|\\[[^\\]=]+=[^\\]]*\\])";
    }
    return path + "\\[[^\\]]+\\]";
  }

  private static String member(String name) {
    return Pattern.quote(PLAIN_NAME.matcher(name).matches() ? "." + name : "['" + name.replace("'", "\\'") + "']");
  }

  private static boolean applies(Mutation mutation, JsonNode schema, Site site) {
    JsonNode node = schema.at(site.pointer());
    ObjectNode parent = site.parent() == null ? null : (ObjectNode) schema.at(site.parent());
    boolean isField = parent != null && !isDiscriminator(node);
    boolean required = isField && contains(parent.get("required"), site.name());
    String type = node.path("type").asText("");
    boolean hasEnum = node.has("enum") || node.has("const");
    if (!site.leaves().isEmpty() || mutation == Mutation.ADD_BRANCH || mutation == Mutation.REMOVE_BRANCH) {
      return switch (mutation) {
        case ADD_BRANCH -> !site.leaves().isEmpty();
        // a branch equal to another one is no branch of its own
        case REMOVE_BRANCH -> site.leaves().size() > 1
            && site.leaves().stream().map(schema::at).distinct().count() == site.leaves().size();
        default -> false;
      };
    }
    return switch (mutation) {
      case ADD_OPTIONAL_FIELD, ADD_REQUIRED_FIELD -> node.get("properties") instanceof ObjectNode;
      case REMOVE_FIELD -> isField && parent.get("properties").size() > 1 && !node.has("oneOf") && !node.has("anyOf");
      case MAKE_REQUIRED -> isField && !required;
      case MAKE_OPTIONAL -> isField && required;
      case CHANGE_TYPE -> Set.of("string", "integer", "number", "boolean").contains(type) && !hasEnum;
      case ADD_ENUM_VALUE -> node.get("enum") instanceof ArrayNode values && values.size() > 1;
      case REMOVE_ENUM_VALUE -> node.get("enum") instanceof ArrayNode values && values.size() > 2;
      case RESTRICT_TO_ENUM -> type.equals("string") && !hasEnum && !node.has("format");
      case NARROW_RANGE -> Set.of("string", "integer", "number", "array").contains(type) && !hasEnum
          && (upperBound(node) == null || upperBound(node).decimalValue().signum() > 0);
      case WIDEN_RANGE -> Set.of("string", "integer", "number", "array").contains(type) && !hasEnum && upperBound(node) != null;
      case ADD_BRANCH, REMOVE_BRANCH -> false;
    };
  }

  /** Changes {@code schema} at the site; returns the pattern of the path the report should name. */
  private static String apply(Mutation mutation, JsonNode schema, Site site, Random random) {
    ObjectNode node = (ObjectNode) schema.at(site.pointer());
    ObjectNode parent = site.parent() == null ? null : (ObjectNode) schema.at(site.parent());
    switch (mutation) {
      case ADD_OPTIONAL_FIELD, ADD_REQUIRED_FIELD -> {
        ((ObjectNode) node.get("properties")).putObject("zz_added").put("type", "string");
        if (mutation == Mutation.ADD_REQUIRED_FIELD) {
          (node.get("required") instanceof ArrayNode list ? list : node.putArray("required")).add("zz_added");
        }
        return site.path() + Pattern.quote(".zz_added");
      }
      case REMOVE_FIELD -> {
        ((ObjectNode) parent.get("properties")).remove(site.name());
        removeName(parent, site.name());
      }
      case MAKE_REQUIRED -> (parent.get("required") instanceof ArrayNode list ? list : parent.putArray("required")).add(site.name());
      case MAKE_OPTIONAL -> removeName(parent, site.name());
      case CHANGE_TYPE -> node.put("type", node.get("type").asText().equals("boolean") ? "string" : "boolean");
      case ADD_ENUM_VALUE -> ((ArrayNode) node.get("enum")).add(node.get("enum").get(0).isNumber() ? NODES.numberNode(987654) : NODES.textNode("zz_value"));
      case REMOVE_ENUM_VALUE -> ((ArrayNode) node.get("enum")).remove(random.nextInt(node.get("enum").size()));
      case RESTRICT_TO_ENUM -> node.putArray("enum").add("zz_a").add("zz_b");
      case NARROW_RANGE, WIDEN_RANGE -> range(node, mutation == Mutation.NARROW_RANGE);
      case ADD_BRANCH -> {
        ObjectNode branch = ((ArrayNode) node.get(node.has("oneOf") ? "oneOf" : "anyOf")).addObject();
        branch.put("title", "zz_new").put("type", "object").putObject("properties").putObject("zz_only").put("type", "string");
        branch.putArray("required").add("zz_only");
      }
      case REMOVE_BRANCH -> {
        String leaf = site.leaves().get(random.nextInt(site.leaves().size()));
        int slash = leaf.lastIndexOf('/');
        ((ArrayNode) schema.at(leaf.substring(0, slash))).remove(Integer.parseInt(leaf.substring(slash + 1)));
      }
    }
    return site.path();
  }

  /** The keyword of the upper bound that fits a node's type. */
  private static String upperKeyword(JsonNode node) {
    return switch (node.path("type").asText()) {
      case "string" -> "maxLength";
      case "array" -> "maxItems";
      default -> "maximum";
    };
  }

  private static JsonNode upperBound(JsonNode node) {
    return node.get(upperKeyword(node));
  }

  /** Narrows the upper bound (added, or lowered by one) or widens it (raised by one). */
  private static void range(ObjectNode node, boolean narrow) {
    String keyword = upperKeyword(node);
    JsonNode bound = node.get(keyword);
    if (bound == null) {
      node.put(keyword, 1000);
    } else {
      node.put(keyword, bound.decimalValue().add(narrow ? BigDecimal.ONE.negate() : BigDecimal.ONE));
    }
  }

  private static boolean isDiscriminator(JsonNode node) {
    return node.get("enum") instanceof ArrayNode values && values.size() == 1 || node.has("const");
  }

  private static void removeName(ObjectNode object, String name) {
    if (object.get("required") instanceof ArrayNode list) {
      for (int i = list.size() - 1; i >= 0; i--) {
        if (list.get(i).asText().equals(name)) {
          list.remove(i);
        }
      }
    }
  }

  private static boolean contains(JsonNode list, String name) {
    if (list instanceof ArrayNode names) {
      for (JsonNode element : names) {
        if (element.asText().equals(name)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static Set<Place> with(Set<Place> places, Place place) {
    Set<Place> out = EnumSet.noneOf(Place.class);
    out.addAll(places);
    out.add(place);
    return out;
  }

  private static Set<Place> without(Set<Place> places, Place place) {
    Set<Place> out = EnumSet.noneOf(Place.class);
    out.addAll(places);
    out.remove(place);
    return out;
  }
}
