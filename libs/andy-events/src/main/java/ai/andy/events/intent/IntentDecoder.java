package ai.andy.events.intent;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import ai.andy.events.payload.ChatIntent;
import ai.andy.events.payload.IntentResult;

/**
 * Turns an intent's loose JSON params (from the language model or the offline engine) into its params record, and
 * result records into the JSON an {@link IntentResult} carries. Unknown params are ignored (payloads evolve by adding
 * fields); a param of the wrong shape or a missing required one is an {@link InvalidIntentException} naming it.
 */
public final class IntentDecoder {
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Keep the offset a time was given in: it is the person's zone at that moment.
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private IntentDecoder() {
    }

    /** The params of a chat intent as its registered record. */
    public static Object params(ChatIntent intent) {
        IntentSpec<?, ?> spec = Intents.find(intent.intent()).orElseThrow(() -> new InvalidIntentException(null,
                "Andy does not know the request '" + intent.intent() + "'."));
        return decode(intent.params(), spec.params());
    }

    /** The params of a chat intent as the given record. */
    public static <P> P params(ChatIntent intent, Class<P> type) {
        return decode(intent.params(), type);
    }

    public static <T> T decode(Map<String, Object> json, Class<T> type) {
        try {
            return JSON.convertValue(json == null ? Map.of() : json, type);
        } catch (IllegalArgumentException e) {
            throw explain(e);
        }
    }

    /** A result record decoded from the answer, for the chat side. */
    public static <R> R result(IntentResult answer, Class<R> type) {
        return decode(answer.result(), type);
    }

    /** A record as the JSON object an event or {@link IntentResult} carries (no nulls, times as ISO-8601). */
    public static Map<String, Object> toMap(Object record) {
        return JSON.convertValue(record, JSON_OBJECT);
    }

    private static InvalidIntentException explain(IllegalArgumentException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ValueInstantiationException vie && vie.getCause() instanceof InvalidIntentException iie) {
            return iie;
        }
        if (cause instanceof JsonMappingException jme) {
            String field = jme.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return new InvalidIntentException(field.isEmpty() ? null : field, expected(jme));
        }
        return new InvalidIntentException(null, "could not be read: " + e.getMessage());
    }

    private static String expected(JsonMappingException e) {
        Class<?> target = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mie
                ? mie.getTargetType() : null;
        if (target == null) {
            return "has the wrong form.";
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return "must be an ISO-8601 date-time with offset, e.g. 2026-11-28T14:00:00+01:00.";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "must be a whole number.";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false.";
        }
        if (target.isEnum()) {
            return "must be one of " + java.util.Arrays.stream(target.getEnumConstants())
                    .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", "))
                    + ".";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "must be a list.";
        }
        return "has the wrong form.";
    }
}
