package dev.workersai.runtime.task;

/**
 * A model that translates text: its input has a form taking string {@code text},
 * {@code source_lang} and {@code target_lang} and requiring nothing else, and its JSON answer has a
 * string {@code translated_text}.
 *
 * <p>Generated model classes implement this when their schema fits; calls sent through it use the
 * model's binding (its {@code WorkersAi} client and call options).
 */
public interface TranslationModel {
  /**
   * The model's id, as used in {@code /ai/run/{id}}.
   *
   * @return the id, such as {@code @cf/meta/m2m100-1.2b}
   */
  String modelId();

  /**
   * Translates {@code text}.
   *
   * @param text the text
   * @param sourceLanguage its language as the model names languages (such as {@code en} or
   *     {@code english}), or null to leave it to the model's default
   * @param targetLanguage the language to translate into
   * @return the answer's {@code translated_text}
   * @throws dev.workersai.runtime.WorkersAiException when the call fails, or the answer has no
   *     {@code translated_text}, naming the model
   */
  String translate(String text, String sourceLanguage, String targetLanguage);
}
