package ai.andy.chat.assistant.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.andy.events.intent.IntentSchemas;
import ai.andy.events.intent.IntentSpec;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;

/**
 * An intent's params schema, generated in {@code libs/andy-events} from its record ({@link IntentSchemas}), as the
 * tool parameters langchain4j sends: the same properties in the same order, with the same descriptions, required
 * names and enums, so what the model is offered and what the owning service decodes cannot drift apart.
 */
final class ToolSchemas {

    private ToolSchemas() {
    }

    static JsonObjectSchema parameters(IntentSpec<?, ?> spec) {
        return object(IntentSchemas.params(spec));
    }

    private static JsonObjectSchema object(JsonNode schema) {
        JsonObjectSchema.Builder object = JsonObjectSchema.builder();
        text(schema, "description").ifPresent(object::description);
        schema.path("properties").fields().forEachRemaining(p -> object.addProperty(p.getKey(), element(p.getValue())));
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        if (!required.isEmpty()) {
            object.required(required);
        }
        if (schema.path("additionalProperties").isBoolean()) {
            object.additionalProperties(schema.path("additionalProperties").asBoolean());
        }
        return object.build();
    }

    private static JsonSchemaElement element(JsonNode given) {
        JsonNode schema = flatten(given);
        String description = text(schema, "description").orElse(null);
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.path("enum").forEach(v -> values.add(v.asText()));
            return JsonEnumSchema.builder().description(description).enumValues(values).build();
        }
        String type = type(schema);
        return switch (type) {
            case "object" -> object(schema);
            case "array" -> JsonArraySchema.builder().description(description).items(element(schema.path("items")))
                    .build();
            case "integer" -> JsonIntegerSchema.builder().description(description).build();
            case "number" -> JsonNumberSchema.builder().description(description).build();
            case "boolean" -> JsonBooleanSchema.builder().description(description).build();
            case "string" -> JsonStringSchema.builder().description(description).build();
            default -> throw new IllegalStateException("a params schema uses an unsupported type: " + schema);
        };
    }

    /**
     * One schema for an {@code allOf} of parts, later parts winning: the generator writes a param whose type has a
     * definition of its own (a person, a time) as that definition plus the param's own description.
     */
    static JsonNode flatten(JsonNode schema) {
        if (!schema.has("allOf")) {
            return schema;
        }
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        schema.path("allOf").forEach(part -> merged.setAll((ObjectNode) flatten(part)));
        schema.fields().forEachRemaining(f -> {
            if (!"allOf".equals(f.getKey())) {
                merged.set(f.getKey(), f.getValue());
            }
        });
        return merged;
    }

    /** The type, ignoring {@code null} in a type list (every optional param may be left out instead). */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        return type.asText("");
    }

    private static Optional<String> text(JsonNode schema, String field) {
        JsonNode value = schema.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }
}
