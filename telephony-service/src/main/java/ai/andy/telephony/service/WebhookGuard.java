package ai.andy.telephony.service;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.twilio.security.RequestValidator;

import ai.andy.runtime.problem.ProblemException;
import ai.andy.telephony.Carrier;
import ai.andy.telephony.config.TelephonyConfig;

/**
 * Checks {@code X-Twilio-Signature} with the SDK's RequestValidator over the public URL built from configuration
 * (never from the request's Host or X-Forwarded-* headers, which a caller controls). The {@code AccountSid} of the
 * webhook picks the key: the operator's Twilio auth token, or the simulator's local token.
 */
@ApplicationScoped
public class WebhookGuard {
    /** The account SID of simulated webhooks; not of Twilio's form (AC + 32 hex digits), so never a real one. */
    public static final String SIMULATOR_ACCOUNT = "ACsimulator";

    private final String baseUrl;
    private final String twilioAccount;
    private final RequestValidator twilio;
    private final String simulatorToken;
    private final RequestValidator simulator;

    WebhookGuard(TelephonyConfig config) {
        String base = config.webhookBaseUrl();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.twilioAccount = config.twilio().accountSid().filter(s -> !s.isBlank()).orElse(null);
        this.twilio = config.twilio().authToken().filter(s -> !s.isBlank()).map(RequestValidator::new).orElse(null);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.simulatorToken = config.simulator().authToken().filter(s -> !s.isBlank())
                .orElse(HexFormat.of().formatHex(random));
        this.simulator = new RequestValidator(simulatorToken);
    }

    /** The public URL Twilio was told to call for this path. */
    public String publicUrl(String path) {
        return baseUrl + path;
    }

    /** Which carrier signed this webhook; 403 when nobody Andy trusts did. */
    public Carrier verify(String path, Map<String, String> params, String signature) {
        if (signature == null || signature.isBlank()) {
            throw forbidden();
        }
        String account = params.get("AccountSid");
        String url = publicUrl(path);
        if (SIMULATOR_ACCOUNT.equals(account) && simulator.validate(url, params, signature)) {
            return Carrier.SIMULATED;
        }
        if (twilio != null && twilioAccount != null && twilioAccount.equals(account)
                && twilio.validate(url, params, signature)) {
            return Carrier.TWILIO;
        }
        throw forbidden();
    }

    /** The simulator's key, for SimulatorService to sign with; it never leaves the process. */
    String simulatorToken() {
        return simulatorToken;
    }

    private static ProblemException forbidden() {
        return new ProblemException(403, "Forbidden", "This webhook is not signed by the carrier.");
    }
}
