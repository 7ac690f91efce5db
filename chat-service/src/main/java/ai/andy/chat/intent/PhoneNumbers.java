package ai.andy.chat.intent;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * E.164 normalisation with Google's libphonenumber, numbers without a country code being read in the person's region.
 * Only "possible" (right length for the region) is required, not "valid": fictional and newly allocated numbers
 * (555 numbers, new area codes) must still go through, and the carrier is the final judge.
 */
public final class PhoneNumbers {

    /** Something that looks like a phone number where a person could also have been named. */
    static final Pattern LOOKS_LIKE_NUMBER = Pattern.compile("\\+?\\(?\\d[\\d\\s().-]{5,}\\d");

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** {@code "+44 20 7946 0958"} or {@code "(555) 123-4567"} in region US to E.164, or empty when not a number. */
    public static Optional<String> toE164(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(raw.trim(), region == null ? "US" : region);
            if (!UTIL.isPossibleNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
