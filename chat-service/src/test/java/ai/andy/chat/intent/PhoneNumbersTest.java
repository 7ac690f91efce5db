package ai.andy.chat.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** E.164 normalisation with libphonenumber, numbers without a country code read in the person's region. */
class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            +44 20 7946 0958   | US | +442079460958
            (555) 123-4567     | US | +15551234567
            555.123.4567       | US | +15551234567
            +1 415 555 0101    | FR | +14155550101
            06 12 34 56 78     | FR | +33612345678
            020 7946 0958      | GB | +442079460958
            98765 43210        | IN | +919876543210
            """)
    void normalises(String raw, String region, String e164) {
        assertThat(PhoneNumbers.toE164(raw, region)).contains(e164);
    }

    @Test
    void refusesWhatIsNotANumber() {
        assertThat(PhoneNumbers.toE164("12", "US")).isEmpty();
        assertThat(PhoneNumbers.toE164("hello", "US")).isEmpty();
        assertThat(PhoneNumbers.toE164(null, "US")).isEmpty();
        assertThat(PhoneNumbers.toE164("020 7946 0958 1234 5678", "GB")).isEmpty();
    }

    @Test
    void theEngineReadsTypedNumbersInThePersonsRegion() {
        OfflineIntentEngine engine = new OfflineIntentEngine();
        ZonedDateTime now = ZonedDateTime.parse("2026-11-25T10:00:00Z[Europe/London]");
        Interpretation inLondon = engine.interpret("text 020 7946 0958 on my way", now, PeopleDirectory.EMPTY, "GB");
        assertThat(inLondon.intents()).singleElement().satisfies(i ->
                assertThat(i.params()).containsEntry("to", "+442079460958").containsEntry("body", "On my way"));

        Interpretation london = new OfflineIntentEngine("GB").interpret("call 020 7946 0958", now, PeopleDirectory.EMPTY);
        assertThat(london.intents().get(0).params()).containsEntry("to", "+442079460958");
    }

    @Test
    void aNumberThatCannotBeReadIsAskedAbout() {
        Interpretation r = new OfflineIntentEngine().interpret("call +44 12", ZonedDateTime.parse(
                "2026-11-25T10:00:00-05:00[America/New_York]"), PeopleDirectory.EMPTY);
        assertThat(r.intents()).isEmpty();
        assertThat(r.clarification()).isNotNull();
    }
}
