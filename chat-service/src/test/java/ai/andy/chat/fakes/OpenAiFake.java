package ai.andy.chat.fakes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * OpenAI's chat-completions API at the wire, on a WireMock server: {@code POST /v1/chat/completions} answered with the
 * documented streaming format, i.e. {@code data: {chunk}} events of {@code chat.completion.chunk} objects whose
 * {@code choices[0].delta} carries the role, pieces of content, or pieces of tool calls
 * ({@code {index, id, type: "function", function: {name, arguments}}}, the name and arguments split over many
 * chunks), then a chunk with the {@code finish_reason}, a usage chunk (empty {@code choices}) when the request asked
 * for it with {@code stream_options.include_usage}, and {@code data: [DONE]}. The body is also dribbled out in
 * several network chunks, so events arrive split at arbitrary bytes.
 *
 * <p>Calls are scripted in order with {@link #script}; a call beyond the script, or one without
 * {@code "stream": true}, gets a 400 naming the problem. {@link #requests()} gives what was received, oldest first.
 */
public final class OpenAiFake {

    public static final String PATH = "/v1/chat/completions";
    public static final int PROMPT_TOKENS = 1234;
    public static final int CACHED_TOKENS = 1024;
    public static final int COMPLETION_TOKENS = 56;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCENARIO = "openai";

    private final WireMockServer server;

    public OpenAiFake(WireMockServer server) {
        this.server = server;
    }

    /** One scripted answer to one call. */
    public static final class Reply {
        private final int status;
        private final String body;
        private final String bodyWithUsage;
        private final String[] headers;

        private Reply(int status, String body, String bodyWithUsage, String... headers) {
            this.status = status;
            this.body = body;
            this.bodyWithUsage = bodyWithUsage;
            this.headers = headers;
        }

        ResponseDefinitionBuilder response(boolean withUsage) {
            ResponseDefinitionBuilder response = aResponse().withStatus(status);
            for (int i = 0; i + 1 < headers.length; i += 2) {
                response.withHeader(headers[i], headers[i + 1]);
            }
            String text = withUsage ? bodyWithUsage : body;
            if (status == 200) {
                response.withHeader("Content-Type", "text/event-stream").withHeader("Cache-Control", "no-cache")
                        .withChunkedDribbleDelay(Math.max(2, Math.min(12, text.length() / 40)), 30);
            } else {
                response.withHeader("Content-Type", "application/json");
            }
            return response.withBody(text);
        }
    }

    /** A tool call the model makes: its wire name (e.g. {@code email_list}) and its JSON arguments. */
    public record ToolCall(String id, String name, String arguments) {
    }

    public static ToolCall call(String id, String name, String arguments) {
        return new ToolCall(id, name, arguments);
    }

    /** A streamed answer in words, a few characters per chunk. */
    public static Reply text(String text) {
        Stream s = new Stream().role(true);
        for (String piece : pieces(text, 4)) {
            s.content(piece);
        }
        return s.finish("stop");
    }

    /** A streamed answer calling these tools (in this order), each name and its arguments split over chunks. */
    public static Reply toolCalls(ToolCall... calls) {
        Stream s = new Stream().role(false);
        for (int i = 0; i < calls.length; i++) {
            s.toolCall(i, calls[i], calls[i].arguments().length());
        }
        return s.finish("tool_calls");
    }

    /** A streamed answer that says something first, then calls these tools. */
    public static Reply textThenToolCalls(String text, ToolCall... calls) {
        Stream s = new Stream().role(true);
        for (String piece : pieces(text, 4)) {
            s.content(piece);
        }
        for (int i = 0; i < calls.length; i++) {
            s.toolCall(i, calls[i], calls[i].arguments().length());
        }
        return s.finish("tool_calls");
    }

    /**
     * Two tool calls whose pieces interleave, as some OpenAI-compatible servers stream parallel calls: each call's id
     * and name, then their arguments in alternating pieces (a continuation carries only its index and arguments).
     */
    public static Reply interleavedToolCalls(ToolCall first, ToolCall second) {
        Stream s = new Stream().role(false);
        s.toolCallStart(0, first).toolCallStart(1, second);
        List<String> a = pieces(first.arguments(), 5);
        List<String> b = pieces(second.arguments(), 5);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i < a.size()) {
                s.toolArguments(0, a.get(i));
            }
            if (i < b.size()) {
                s.toolArguments(1, b.get(i));
            }
        }
        return s.finish("tool_calls");
    }

    /**
     * A stream that stops halfway through a tool call's arguments: no finish_reason, no usage, no {@code [DONE]},
     * the connection just ends, as when a proxy or the provider drops it.
     */
    public static Reply cutOffDuringToolCall(ToolCall call) {
        Stream s = new Stream().role(false);
        s.toolCall(0, call, call.arguments().length() / 2);
        return new Reply(200, s.events(), s.events());
    }

    /** A stream that starts a tool call well and then sends an event that is not JSON. */
    public static Reply malformedDuringToolCall(ToolCall call) {
        Stream s = new Stream().role(false);
        s.toolCall(0, call, call.arguments().length() / 2);
        s.raw("{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":");
        return new Reply(200, s.events(), s.events());
    }

    /** An error response in OpenAI's format, with headers given as name, value, name, value... */
    public static Reply error(int status, String type, String message, String... headers) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.putNull("param");
        error.putNull("code");
        return new Reply(status, body.toString(), body.toString(), headers);
    }

    /** The next calls get these replies, one each, in order; any call after them gets a 400. */
    public void script(Reply... replies) {
        server.resetAll();
        unscripted();
        String state = Scenario.STARTED;
        for (int i = 0; i < replies.length; i++) {
            String next = "call " + (i + 2);
            stub(replies[i], state, next);
            state = next;
        }
    }

    /** Every call gets this reply. */
    public void always(Reply reply) {
        server.resetAll();
        unscripted();
        stub(reply, null, null);
    }

    private void stub(Reply reply, String state, String next) {
        // The usage chunk only when asked for, as OpenAI does.
        MappingBuilder withUsage = post(urlPathEqualTo(PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$[?(@.stream == true)]"))
                .withRequestBody(matchingJsonPath("$.stream_options[?(@.include_usage == true)]"));
        MappingBuilder withoutUsage = post(urlPathEqualTo(PATH)).atPriority(2)
                .withRequestBody(matchingJsonPath("$[?(@.stream == true)]"));
        for (MappingBuilder mapping : List.of(withUsage, withoutUsage)) {
            if (state != null) {
                mapping.inScenario(SCENARIO).whenScenarioStateIs(state).willSetStateTo(next);
            }
            server.stubFor(mapping.willReturn(reply.response(mapping == withUsage)));
        }
    }

    private void unscripted() {
        server.stubFor(post(urlPathEqualTo(PATH)).atPriority(10).willReturn(error(400, "invalid_request_error",
                "OpenAiFake: no scripted reply for this call (or \"stream\" was not true)").response(false)));
    }

    /** The request bodies received, oldest first. */
    public List<JsonNode> requests() {
        List<JsonNode> bodies = new ArrayList<>();
        for (LoggedRequest request : loggedRequests()) {
            try {
                bodies.add(JSON.readTree(request.getBodyAsString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bodies;
    }

    /** The requests received, oldest first, with headers and raw bodies. */
    public List<LoggedRequest> loggedRequests() {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events); // the journal is newest first
        return events.stream().map(ServeEvent::getRequest).filter(r -> PATH.equals(r.getUrl().split("\\?")[0]))
                .toList();
    }

    /**
     * The exact text of a top-level JSON value in a raw request body (e.g. {@code "tools"}), or of the first element
     * of a top-level array ({@code "messages"} with {@code firstElement}): to compare prefixes byte for byte.
     */
    public static String rawValue(String body, String field, boolean firstElement) {
        Matcher at = Pattern.compile("\"" + field + "\"\\s*:\\s*").matcher(body);
        if (!at.find()) {
            return null;
        }
        int start = at.end();
        if (firstElement) {
            start = skipBlank(body, start + 1);
        }
        return body.substring(start, end(body, start));
    }

    private static int skipBlank(String s, int i) {
        while (Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index after the JSON value starting at {@code start} (an object, array or string). */
    private static int end(String s, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        throw new IllegalArgumentException("unterminated JSON value");
    }

    private static List<String> pieces(String text, int size) {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < text.length(); i += size) {
            pieces.add(text.substring(i, Math.min(text.length(), i + size)));
        }
        return pieces;
    }

    /** The events of one streamed response. */
    private static final class Stream {
        private final StringBuilder events = new StringBuilder();

        Stream role(boolean emptyContent) {
            ObjectNode delta = JSON.createObjectNode().put("role", "assistant");
            if (emptyContent) {
                delta.put("content", "");
            } else {
                delta.putNull("content");
            }
            delta.putNull("refusal");
            return chunk(delta, null);
        }

        Stream content(String piece) {
            return chunk(JSON.createObjectNode().put("content", piece), null);
        }

        /** The call's id and the first part of its name, the rest of the name, then its arguments in pieces. */
        Stream toolCall(int index, ToolCall call, int argumentChars) {
            String name = call.name();
            int cut = Math.max(1, name.length() / 2);
            ObjectNode first = toolDelta(index);
            ((ObjectNode) first.get("tool_calls").get(0)).put("id", call.id()).put("type", "function")
                    .putObject("function").put("name", name.substring(0, cut)).put("arguments", "");
            chunk(first, null);
            ObjectNode rest = toolDelta(index);
            ((ObjectNode) rest.get("tool_calls").get(0)).putObject("function").put("name", name.substring(cut));
            chunk(rest, null);
            for (String piece : pieces(call.arguments().substring(0, argumentChars), 5)) {
                ObjectNode args = toolDelta(index);
                ((ObjectNode) args.get("tool_calls").get(0)).putObject("function").put("arguments", piece);
                chunk(args, null);
            }
            return this;
        }

        /** A call's id and whole name, with no arguments yet. */
        Stream toolCallStart(int index, ToolCall call) {
            ObjectNode first = toolDelta(index);
            ((ObjectNode) first.get("tool_calls").get(0)).put("id", call.id()).put("type", "function")
                    .putObject("function").put("name", call.name()).put("arguments", "");
            return chunk(first, null);
        }

        /** A piece of the arguments of the call at {@code index}. */
        Stream toolArguments(int index, String piece) {
            ObjectNode args = toolDelta(index);
            ((ObjectNode) args.get("tool_calls").get(0)).putObject("function").put("arguments", piece);
            return chunk(args, null);
        }

        Reply finish(String reason) {
            chunk(JSON.createObjectNode(), reason);
            String withoutUsage = events + "data: [DONE]\n\n";
            ObjectNode usage = base();
            usage.putArray("choices");
            ObjectNode counts = usage.putObject("usage");
            counts.put("prompt_tokens", PROMPT_TOKENS).put("completion_tokens", COMPLETION_TOKENS)
                    .put("total_tokens", PROMPT_TOKENS + COMPLETION_TOKENS);
            counts.putObject("prompt_tokens_details").put("cached_tokens", CACHED_TOKENS).put("audio_tokens", 0);
            counts.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0);
            String withUsage = events + "data: " + usage + "\n\n" + "data: [DONE]\n\n";
            return new Reply(200, withoutUsage, withUsage);
        }

        void raw(String data) {
            events.append("data: ").append(data).append("\n\n");
        }

        String events() {
            return events.toString();
        }

        private static ObjectNode toolDelta(int index) {
            ObjectNode delta = JSON.createObjectNode();
            ArrayNode calls = delta.putArray("tool_calls");
            calls.addObject().put("index", index);
            return delta;
        }

        private Stream chunk(ObjectNode delta, String finishReason) {
            ObjectNode chunk = base();
            ObjectNode choice = chunk.putArray("choices").addObject();
            choice.put("index", 0);
            choice.set("delta", delta);
            choice.putNull("logprobs");
            if (finishReason == null) {
                choice.putNull("finish_reason");
            } else {
                choice.put("finish_reason", finishReason);
            }
            chunk.putNull("usage");
            raw(chunk.toString());
            return this;
        }

        private static ObjectNode base() {
            ObjectNode chunk = JSON.createObjectNode();
            chunk.put("id", "chatcmpl-fake").put("object", "chat.completion.chunk").put("created", 1764322200L)
                    .put("model", "fake-model").put("system_fingerprint", "fp_fake");
            return chunk;
        }
    }
}
