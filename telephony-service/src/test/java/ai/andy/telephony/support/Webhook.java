package ai.andy.telephony.support;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.response.Response;

/** Posts a webhook the way Twilio does: form-encoded, signed over the public URL Andy was configured with. */
public final class Webhook {
    public static final String PUBLIC_BASE = "https://andy.test";

    private Webhook() {
    }

    public static Map<String, String> params(String... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", TwilioProfile.ACCOUNT_SID);
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return params;
    }

    public static Response signed(String path, Map<String, String> params) {
        return post(path, params, TwilioSignature.sign(TwilioProfile.AUTH_TOKEN, PUBLIC_BASE + path, params));
    }

    public static Response post(String path, Map<String, String> params, String signature) {
        var request = given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(params);
        if (signature != null) {
            request = request.header("X-Twilio-Signature", signature);
        }
        return request.post(path);
    }

    public static String sid(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }
}
