package ai.andy.telephony.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The operator configured Twilio: everyone's texts and calls go to (a fake of) Twilio's REST API. */
public class TwilioProfile implements QuarkusTestProfile {
    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "twilio-test-auth-token";
    public static final String FROM = "+14155550100";
    /** A person with their own Twilio number. */
    public static final String LINE_USER = java.util.UUID.randomUUID().toString();
    public static final String LINE_NUMBER = "+14155550111";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("andy.telephony.twilio.account-sid", ACCOUNT_SID,
                "andy.telephony.twilio.auth-token", AUTH_TOKEN,
                "andy.telephony.twilio.from-number", FROM,
                "andy.telephony.twilio.lines", LINE_USER + "=" + LINE_NUMBER);
    }
}
