package ai.andy.runtime.json;

import java.io.IOException;
import java.util.Collection;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.type.CollectionType;

/**
 * Refuses a JSON list longer than {@link #MAX_ITEMS}: no request needs more, and validating 100,000 recipients one by
 * one took a service 18 s of CPU for a single request. Reading the list is cheap; checking each item is not, so the
 * count is checked as soon as the list is read, before any validation.
 */
public class BoundedCollections extends BeanDeserializerModifier {
    public static final int MAX_ITEMS = 10_000;

    @Override
    public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
            BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
        return new Bounded(deserializer);
    }

    static class Bounded extends DelegatingDeserializer {
        Bounded(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Bounded(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return bounded(p, super.deserialize(p, ctxt));
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) throws IOException {
            return bounded(p, ((JsonDeserializer<Object>) _delegatee).deserialize(p, ctxt, intoValue));
        }

        private static Object bounded(JsonParser p, Object value) throws IOException {
            if (value instanceof Collection<?> list && list.size() > MAX_ITEMS) {
                throw new UnacceptableTextException(p, "has " + list.size() + " items; at most " + MAX_ITEMS
                        + " are accepted");
            }
            return value;
        }
    }
}
