package ai.andy.runtime.json;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every service reads JSON strictly, so ambiguous or unstorable input is refused at the door (400) instead of
 * failing deep inside as a 500: a key given twice ({@code {"text":"a","text":"b"}} would otherwise keep whichever
 * came last), anything after the JSON value, and text PostgreSQL cannot store (NUL, lone surrogates; see
 * {@link CleanStringDeserializer}) and lists too long to check in reasonable time ({@link BoundedCollections}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.registerModule(new SimpleModule("andy-clean-strings")
                .addDeserializer(String.class, new CleanStringDeserializer())
                .setDeserializerModifier(new BoundedCollections()));
    }
}
