package dev.workersai.runtime;

/**
 * An input a model can be run with. Generated input records implement it; their default payload is
 * the record serialised as JSON, while inputs sent as raw bytes or multipart override
 * {@link #toPayload()}.
 */
public interface ModelInput {
  /** Checks the schema's constraints; throws {@link InputValidationException} naming the field. */
  void validate();

  /** What goes on the wire for this input. */
  default RequestPayload toPayload() {
    return RequestPayload.json(this);
  }
}
