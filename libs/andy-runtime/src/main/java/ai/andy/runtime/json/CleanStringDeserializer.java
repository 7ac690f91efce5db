package ai.andy.runtime.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

/**
 * Jackson's own String deserializer, refusing text no service can keep: PostgreSQL stores neither NUL nor half of a
 * UTF-16 surrogate pair, and answered 500 when such a value reached it. Jackson uses this for every String it reads,
 * in records, lists, arrays and untyped maps alike.
 */
public class CleanStringDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String value = super.deserialize(p, ctxt);
        String flaw = flaw(value);
        if (flaw != null) {
            throw new UnacceptableTextException(p, flaw);
        }
        return value;
    }

    @Override
    public boolean isCachable() {
        return true;
    }

    /** Why {@code text} cannot be kept, or null when it can. */
    public static String flaw(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "contains a NUL character (\\u0000)";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired UTF-16 surrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired UTF-16 surrogate";
            }
        }
        return null;
    }
}
