package ai.andy.runtime.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A value in a request body no service will take (unstorable text, an overlong list); Jackson adds the field's path as it unwinds. */
public class UnacceptableTextException extends JsonMappingException {
    private final String reason;

    UnacceptableTextException(JsonParser parser, String reason) {
        super(parser, "value " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
