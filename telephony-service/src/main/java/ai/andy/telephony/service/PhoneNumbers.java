package ai.andy.telephony.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

import ai.andy.runtime.problem.Problem;
import ai.andy.runtime.problem.ProblemException;
import ai.andy.telephony.config.TelephonyConfig;

/** Phone numbers in E.164, by libphonenumber; numbers without a country code are read in the configured region. */
@ApplicationScoped
public class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private final String region;

    PhoneNumbers(TelephonyConfig config) {
        this.region = config.defaultRegion();
    }

    public Optional<String> e164(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            var number = UTIL.parse(raw.trim(), region);
            return UTIL.isValidNumber(number) ? Optional.of(UTIL.format(number, PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The number in E.164, or a 400 naming the field; the number itself is not repeated back into logs. */
    public String require(String field, String raw) {
        return e164(raw).orElseThrow(() -> ProblemException.badRequest("'" + field + "' is not a phone number Andy "
                + "can dial: give it in international form, e.g. +14155550123.",
                List.of(new Problem.FieldError(field, "not a valid phone number"))));
    }

    /** Whatever a webhook says the number is (Twilio sends E.164; callers may be anonymous). */
    public String lenient(String raw) {
        return e164(raw).orElse(raw == null || raw.isBlank() ? "anonymous" : raw.trim());
    }
}
