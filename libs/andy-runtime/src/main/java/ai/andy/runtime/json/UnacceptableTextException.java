package ai.andy.runtime.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A string value in a request body that no service can store; Jackson adds the field's path as it unwinds. */
public class UnacceptableTextException extends JsonMappingException {
    private final String reason;

    UnacceptableTextException(JsonParser parser, String reason) {
        super(parser, "text " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
