package dev.workersai.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;

/**
 * The catalog's {@code properties} of one model, typed where the property is known. Unknown
 * property ids and value shapes are kept in {@link #all()} rather than rejected.
 *
 * @param contextWindow {@code context_window}
 * @param maxInputTokens {@code max_input_tokens}
 * @param outputDimensions {@code output_dimensions} (embedding size)
 * @param prices {@code price}
 * @param beta {@code beta}
 * @param lora {@code lora}
 * @param functionCalling {@code function_calling}
 * @param reasoning {@code reasoning}
 * @param vision {@code vision}
 * @param asyncQueue {@code async_queue} (batch API)
 * @param realtime {@code realtime} (websocket)
 * @param partner {@code partner}
 * @param requireWorkersPaid {@code require_workers_paid}
 * @param plannedDeprecation {@code planned_deprecation_date}
 * @param terms {@code terms} URL
 * @param info {@code info} URL
 * @param all every property as given, sorted by id
 */
public record ModelProperties(
    OptionalInt contextWindow,
    OptionalInt maxInputTokens,
    OptionalInt outputDimensions,
    List<Price> prices,
    boolean beta,
    boolean lora,
    boolean functionCalling,
    boolean reasoning,
    boolean vision,
    boolean asyncQueue,
    boolean realtime,
    boolean partner,
    boolean requireWorkersPaid,
    Optional<LocalDate> plannedDeprecation,
    Optional<String> terms,
    Optional<String> info,
    SortedMap<String, JsonNode> all) {}
