package dev.workersai.emulator.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The models an emulator serves, by id, in catalog order (sorted by id). */
public final class EmulatedCatalog {
  private final Map<String, EmulatedModel> byId = new LinkedHashMap<>();

  /** A catalog of {@code models}; ids must be unique. */
  public EmulatedCatalog(List<EmulatedModel> models) {
    for (EmulatedModel model : models) {
      if (byId.putIfAbsent(model.id(), model) != null) {
        throw new IllegalArgumentException("duplicate model id: " + model.id());
      }
    }
  }

  /** The model with this id, if the snapshot has it. */
  public Optional<EmulatedModel> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Every model, sorted by id. */
  public List<EmulatedModel> models() {
    return List.copyOf(byId.values());
  }
}
