package dev.workersai.generator.diff;

import dev.workersai.catalog.CatalogModel;
import dev.workersai.catalog.ModelProperties;
import dev.workersai.catalog.Price;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Compares the facts teams budget and plan with: prices, context window, function calling,
 * reasoning, batch support and beta status. A caller's code can break when a capability it uses
 * goes or the context window shrinks; the bill grows when a price rises, a unit starts being billed
 * or the model starts reasoning ({@link Compatibility#COST_INCREASE}); the rest is compatible.
 */
final class FactsComparison {
  private final String modelId;
  private final Consumer<Change> sink;

  private FactsComparison(String modelId, Consumer<Change> sink) {
    this.modelId = modelId;
    this.sink = sink;
  }

  static void compare(CatalogModel before, CatalogModel after, Consumer<Change> sink) {
    FactsComparison comparison = new FactsComparison(after.id(), sink);
    ModelProperties was = before.properties();
    ModelProperties now = after.properties();
    comparison.prices(was, now);
    comparison.tokens("context window", was.contextWindow(), now.contextWindow());
    comparison.tokens("max input tokens", was.maxInputTokens(), now.maxInputTokens());
    comparison.capability("function calling", was.functionCalling(), now.functionCalling(), Compatibility.BREAKING);
    comparison.capability("batch requests (async_queue)", was.asyncQueue(), now.asyncQueue(), Compatibility.BREAKING);
    comparison.reasoning(was.reasoning(), now.reasoning());
    comparison.beta(was.beta(), now.beta());
  }

  /** Prices are compared per billed unit and currency; a price that appears above zero is a new cost. */
  private void prices(ModelProperties before, ModelProperties after) {
    Map<String, Price> was = byUnit(before);
    Map<String, Price> now = byUnit(after);
    Set<String> units = new TreeSet<>(was.keySet());
    units.addAll(now.keySet());
    for (String unit : units) {
      Price old = was.get(unit);
      Price current = now.get(unit);
      if (old == null) {
        report(ChangeKind.PRICE_CHANGED, "price now listed: " + amount(current) + " " + current.unit(),
            current.price().signum() > 0 ? Compatibility.COST_INCREASE : Compatibility.COMPATIBLE);
      } else if (current == null) {
        report(ChangeKind.PRICE_CHANGED, "price no longer listed (was " + amount(old) + " " + old.unit() + ")", Compatibility.COMPATIBLE);
      } else if (old.price().compareTo(current.price()) != 0) {
        boolean up = current.price().compareTo(old.price()) > 0;
        report(ChangeKind.PRICE_CHANGED,
            "price " + current.unit() + " " + amount(old) + " → " + amount(current) + (up ? " (up)" : " (down)"),
            up ? Compatibility.COST_INCREASE : Compatibility.COMPATIBLE);
      }
    }
  }

  private static Map<String, Price> byUnit(ModelProperties properties) {
    Map<String, Price> prices = new TreeMap<>();
    for (Price price : properties.prices()) {
      prices.put(price.unit() + " " + price.currency(), price);
    }
    return prices;
  }

  private static String amount(Price price) {
    String number = price.price().stripTrailingZeros().toPlainString();
    return price.currency().isEmpty() ? number : number + " " + price.currency();
  }

  /** A smaller window rejects prompts that used to fit; a larger one, or one newly stated, breaks nothing. */
  private void tokens(String what, OptionalInt before, OptionalInt after) {
    if (before.equals(after)) {
      return;
    }
    if (before.isEmpty()) {
      report(ChangeKind.CONTEXT_WINDOW_CHANGED, what + " now stated: " + after.getAsInt() + " tokens", Compatibility.COMPATIBLE);
    } else if (after.isEmpty()) {
      report(ChangeKind.CONTEXT_WINDOW_CHANGED, what + " no longer stated (was " + before.getAsInt() + " tokens)", Compatibility.COMPATIBLE);
    } else {
      boolean smaller = after.getAsInt() < before.getAsInt();
      report(ChangeKind.CONTEXT_WINDOW_CHANGED,
          what + " " + before.getAsInt() + " → " + after.getAsInt() + " tokens" + (smaller ? " (smaller)" : " (larger)"),
          smaller ? Compatibility.BREAKING : Compatibility.COMPATIBLE);
    }
  }

  /** A capability that goes breaks the callers that use it; one that comes breaks nobody. */
  private void capability(String what, boolean before, boolean after, Compatibility whenLost) {
    if (before != after) {
      report(ChangeKind.CAPABILITY_CHANGED, after ? what + " now supported" : what + " no longer supported",
          after ? Compatibility.COMPATIBLE : whenLost);
    }
  }

  /** A reasoning model spends (billed) output tokens thinking before it answers, within the same max_tokens. */
  private void reasoning(boolean before, boolean after) {
    if (before != after) {
      report(ChangeKind.CAPABILITY_CHANGED,
          after ? "now reasons before answering: reasoning tokens are billed and count against max_tokens" : "no longer a reasoning model",
          after ? Compatibility.COST_INCREASE : Compatibility.COMPATIBLE);
    }
  }

  /** Beta status changes no call; it tells how much notice a change of the model may come with. */
  private void beta(boolean before, boolean after) {
    if (before != after) {
      report(ChangeKind.BETA_CHANGED,
          after ? "now beta: may change or go with little notice" : "no longer beta (generally available)", Compatibility.COMPATIBLE);
    }
  }

  private void report(ChangeKind kind, String detail, Compatibility compatibility) {
    sink.accept(new Change(modelId, Side.MODEL, kind, "", detail, compatibility));
  }
}
