package ai.andy.events.intent;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A person as the person named them ("Sarah"), plus whatever address or E.164 number was resolved for them. On the
 * wire either an object or a plain string: an address, a phone number, or a name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonRef(String name, String address, String phone) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public PersonRef(@JsonProperty("name") String name, @JsonProperty("address") String address,
            @JsonProperty("phone") String phone) {
        this.name = blankToNull(name);
        this.address = blankToNull(address);
        this.phone = blankToNull(phone);
        if (this.name == null && this.address == null && this.phone == null) {
            throw new InvalidIntentException(null, "names nobody: give a name, an address or a number.");
        }
    }

    /** A plain string: an email address, a phone number (digits, maybe a leading +), or else a name. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PersonRef of(String text) {
        String t = text == null ? "" : text.trim();
        if (t.contains("@")) {
            return new PersonRef(null, t, null);
        }
        if (t.matches("\\+?[\\d\\s().-]{6,}")) {
            return new PersonRef(null, null, t);
        }
        return new PersonRef(t, null, null);
    }

    /** How to show the person: their name, else their address or number. */
    public String display() {
        return name != null ? name : address != null ? address : phone;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
