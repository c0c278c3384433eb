package dev.workersai.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.audio.Audio;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.audio.AudioTranscriptionModel;
import dev.langchain4j.model.audio.AudioTranscriptionRequest;
import dev.langchain4j.model.audio.TextToSpeechModel;
import dev.langchain4j.model.audio.TextToSpeechRequest;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.image.ImageModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.scoring.ScoringModel;
import dev.workersai.emulator.RequestLog;
import dev.workersai.emulator.junit.WorkersAiEmulatorExtension;
import dev.workersai.langchain4j.chat.WorkersAiChatModel;
import dev.workersai.langchain4j.chat.WorkersAiStreamingChatModel;
import dev.workersai.models.baai.BgeBaseEnV1_5;
import dev.workersai.models.black_forest_labs.Flux1Schnell;
import dev.workersai.models.meta.Llama3_1_8bInstruct;
import dev.workersai.models.meta.Llama4Scout17b16eInstruct;
import dev.workersai.models.openai.Whisper;
import dev.workersai.models.deepgram.Aura1;
import dev.workersai.models.deepgram.Nova3;
import dev.workersai.models.myshell_ai.Melotts;
import dev.workersai.models.baai.BgeM3;
import dev.workersai.models.stabilityai.StableDiffusionXlBase1_0;
import dev.workersai.runtime.Binary;
import dev.workersai.runtime.WorkersAi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A LangChain4j application on our module, against the emulator serving the bundled catalog: it
 * chats (whole and streamed), embeds, draws and transcribes through the generated classes.
 */
@ExtendWith(WorkersAiEmulatorExtension.class)
class LangChain4jAppTest {
  private static final String LLAMA = "@cf/meta/llama-3.1-8b-instruct";
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

  @Test
  void chatsWithUsageAndFinishReason(WorkersAi ai) {
    ChatModel chat = new WorkersAiChatModel(Llama3_1_8bInstruct.on(ai));

    ChatResponse response = chat.chat(SystemMessage.from("Answer briefly."), UserMessage.from("Where is the Eiffel Tower?"));

    assertThat(response.aiMessage().text()).startsWith("Emulated answer from " + LLAMA).contains("Eiffel Tower");
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.tokenUsage().inputTokenCount()).isPositive();
    assertThat(response.tokenUsage().outputTokenCount()).isPositive();
    assertThat(response.modelName()).isEqualTo(LLAMA);
    assertThat(chat.chat("Hi")).startsWith("Emulated answer");
  }

  @Test
  void streamsTheAnswerPieceByPiece(WorkersAi ai, RequestLog log) throws Exception {
    StreamingChatModel chat = new WorkersAiStreamingChatModel(Llama3_1_8bInstruct.on(ai));
    List<String> pieces = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();

    chat.chat("Tell me about the Eiffel Tower", new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String partial) {
        pieces.add(partial);
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        done.complete(response);
      }

      @Override
      public void onError(Throwable error) {
        done.completeExceptionally(error);
      }
    });

    ChatResponse response = done.get(30, TimeUnit.SECONDS);
    assertThat(pieces).hasSizeGreaterThan(3);
    assertThat(String.join("", pieces)).isEqualTo(response.aiMessage().text()).startsWith("Emulated answer from " + LLAMA);
    assertThat(response.tokenUsage().totalTokenCount()).isPositive();
    assertThat(log.runCount(LLAMA)).isEqualTo(1);
  }

  @Test
  void sendsToolsTheModelTakesAndTheEmulatorAcceptsThem(WorkersAi ai, RequestLog log) {
    ChatModel chat = new WorkersAiChatModel(Llama3_1_8bInstruct.on(ai));
    ToolSpecification weather = ToolSpecification.builder().name("weather").description("Weather in a city")
        .parameters(JsonObjectSchema.builder().addStringProperty("city", "The city").required("city").build()).build();

    ChatResponse response = chat.chat(ChatRequest.builder().messages(UserMessage.from("Weather in Paris?"))
        .toolSpecifications(weather).build());

    // The emulator checks the request against the model's schema (tools included) and never calls a tool.
    assertThat(response.aiMessage().text()).startsWith("Emulated answer");
    assertThat(log.runCount(LLAMA)).isEqualTo(1);
  }

  @Test
  void aJsonResponseFormatIsSentWhereTheSchemaTakesItAndRefusedElsewhere(WorkersAi ai, RequestLog log) {
    ChatRequest json = ChatRequest.builder().messages(UserMessage.from("A JSON object with a city")).responseFormat(ResponseFormat.JSON).build();

    ChatModel scout = new WorkersAiChatModel(Llama4Scout17b16eInstruct.on(ai));
    assertThat(scout.chat(json).aiMessage().text()).startsWith("Emulated answer");
    ChatRequest schema = ChatRequest.builder().messages(UserMessage.from("A city")).responseFormat(ResponseFormat.builder()
        .type(ResponseFormatType.JSON).jsonSchema(JsonSchema.builder().name("City").rootElement(JsonObjectSchema.builder()
            .addStringProperty("name").required("name").build()).build()).build()).build();
    assertThat(scout.chat(schema).aiMessage().text()).startsWith("Emulated answer");
    assertThat(scout.supportedCapabilities()).contains(Capability.RESPONSE_FORMAT_JSON_SCHEMA);

    assertThatThrownBy(() -> new WorkersAiChatModel(Llama3_1_8bInstruct.on(ai)).chat(json))
        .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining(LLAMA).hasMessageContaining("response_format");
    assertThat(log.runCount(LLAMA)).isZero();
  }

  @Test
  void embedsSegmentsWithTheCatalogsDimension(WorkersAi ai) {
    EmbeddingModel embeddings = new WorkersAiEmbeddingModel(BgeBaseEnV1_5.on(ai));

    List<Embedding> vectors = embeddings.embedAll(List.of(TextSegment.from("cats"), TextSegment.from("dogs"),
        TextSegment.from("cats"))).content();

    assertThat(embeddings.dimension()).isEqualTo(768);
    assertThat(vectors).hasSize(3).allSatisfy(v -> assertThat(v.dimension()).isEqualTo(768));
    assertThat(vectors.get(0)).isEqualTo(vectors.get(2)).isNotEqualTo(vectors.get(1));
  }

  @Test
  void embedsInBatchesNoLargerThanAsked(WorkersAi ai, RequestLog log) {
    EmbeddingModel embeddings = new WorkersAiEmbeddingModel(BgeBaseEnV1_5.on(ai), 2);

    assertThat(embeddings.embedAll(List.of(TextSegment.from("a"), TextSegment.from("b"), TextSegment.from("c"))).content())
        .hasSize(3);
    assertThat(log.runCount("@cf/baai/bge-base-en-v1.5")).isEqualTo(2);
  }

  @Test
  void generatesAnImageFromABase64AnswerAndFromABinaryOne(WorkersAi ai) {
    for (ImageModel images : List.of(new WorkersAiImageModel(Flux1Schnell.on(ai)),
        new WorkersAiImageModel(StableDiffusionXlBase1_0.on(ai)))) {
      Image image = images.generate("a lighthouse at dusk").content();

      assertThat(image.mimeType()).as(images.toString()).isEqualTo("image/png");
      assertThat(Binary.decodeBase64(image.base64Data())).as(images.toString()).startsWith(PNG_SIGNATURE);
    }
  }

  @Test
  void transcribesAudio(WorkersAi ai) {
    AudioTranscriptionModel whisper = new WorkersAiAudioTranscriptionModel(Whisper.on(ai));
    byte[] audio = new byte[1234];

    String text = whisper.transcribe(AudioTranscriptionRequest.builder(
        Audio.builder().binaryData(audio).mimeType("audio/mpeg").build()).build()).text();

    // Whisper takes the audio inside JSON, and the emulator's answer quotes the request.
    assertThat(text).startsWith("Emulated answer from @cf/openai/whisper").contains("{\"audio\":[0,0,");

    // nova-3 takes it as the request body, with its media type.
    String nova = new WorkersAiAudioTranscriptionModel(Nova3.on(ai)).transcribe(AudioTranscriptionRequest.builder(
        Audio.builder().binaryData(audio).mimeType("audio/mpeg").build()).build()).text();
    assertThat(nova).contains("1234 bytes of audio/mpeg");
  }

  @Test
  void speaksFromABinaryAnswerAndFromABase64One(WorkersAi ai) {
    for (TextToSpeechModel voice : List.of(new WorkersAiTextToSpeechModel(Aura1.on(ai)),
        new WorkersAiTextToSpeechModel(Melotts.on(ai)))) {
      Audio audio = voice.synthesize("Hello there").audio();

      assertThat(audio.mimeType()).as(voice.toString()).isEqualTo("audio/mpeg");
      assertThat(audio.binaryData()).as(voice.toString()).isNotEmpty();
    }
    assertThatThrownBy(() -> new WorkersAiTextToSpeechModel(Aura1.on(ai))
        .synthesize(TextToSpeechRequest.builder("Hi").voice("luna").build()))
        .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("@cf/deepgram/aura-1");
  }

  @Test
  void scoresASegmentAgainstAQuery(WorkersAi ai, RequestLog log) {
    ScoringModel reranker = new WorkersAiScoringModel(BgeM3.on(ai));

    // One segment: the emulator answers rerankers with a schema sample, a single {"id": 0, "score": ...}.
    assertThat(reranker.score(TextSegment.from("Paris is in France"), "Where is Paris?").content()).isNotNull();
    assertThat(log.runCount("@cf/baai/bge-m3")).isEqualTo(1);
  }
}
