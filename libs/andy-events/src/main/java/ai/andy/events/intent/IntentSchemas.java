package ai.andy.events.intent;

import java.time.temporal.Temporal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;

/**
 * The JSON Schema of each intent's params, generated from the records (descriptions from
 * {@code @JsonPropertyDescription}, required params from {@code @JsonProperty(required = true)}), so the language
 * model's tools and the services' decoding cannot drift apart. Times are strings in ISO-8601 with offset; a person
 * is a string (an address, a number or a name), which {@link PersonRef} reads.
 */
public final class IntentSchemas {
    private static final SchemaGenerator GENERATOR = generator();

    private IntentSchemas() {
    }

    public static ObjectNode params(IntentSpec<?, ?> spec) {
        ObjectNode schema = GENERATOR.generateSchema(spec.params());
        schema.remove("$schema");
        return schema;
    }

    private static SchemaGenerator generator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED,
                        JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY))
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.INLINE_ALL_SCHEMAS)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        // Params keep the order their record declares them in: it is part of the model's cached prompt prefix.
        config.forTypesInGeneral().withPropertySorter((first, second) -> 0);
        config.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
            Class<?> raw = type.getErasedType();
            if (raw == PersonRef.class) {
                ObjectNode person = context.getGeneratorConfig().createObjectNode().put("type", "string")
                        .put("description", "an email address, an E.164 phone number, or a name as the person "
                                + "said it");
                return new com.github.victools.jsonschema.generator.CustomDefinition(person);
            }
            if (Temporal.class.isAssignableFrom(raw)) {
                ObjectNode time = context.getGeneratorConfig().createObjectNode().put("type", "string")
                        .put("format", "date-time");
                return new com.github.victools.jsonschema.generator.CustomDefinition(time);
            }
            return null;
        });
        return new SchemaGenerator(config.build());
    }
}
