package ai.andy.telephony.provider.twilio;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;

import ai.andy.telephony.Carrier;
import ai.andy.telephony.config.TelephonyConfig;
import ai.andy.telephony.provider.CarrierException;
import ai.andy.telephony.provider.CarrierException.Kind;
import ai.andy.telephony.provider.PhoneCarrier;

/** Texts and calls through Twilio's REST API, with the official SDK. Blocking: call from worker threads. */
@ApplicationScoped
public class TwilioCarrier implements PhoneCarrier {
    private final TelephonyConfig.Twilio config;
    private volatile TwilioRestClient client;

    TwilioCarrier(TelephonyConfig config) {
        this.config = config.twilio();
    }

    /** Whether the operator gave Twilio credentials; without them every person is on the simulated carrier. */
    public boolean configured() {
        return config.accountSid().filter(s -> !s.isBlank()).isPresent()
                && config.authToken().filter(s -> !s.isBlank()).isPresent();
    }

    @Override
    public Carrier kind() {
        return Carrier.TWILIO;
    }

    @Override
    public SentText sendText(String from, String to, String body, String statusCallback) {
        try {
            Message message = Message.creator(new PhoneNumber(to), new PhoneNumber(from), body)
                    .setStatusCallback(statusCallback).create(client());
            return new SentText(message.getSid(), message.getStatus() == null ? "queued" : message.getStatus().toString(),
                    price(message.getPrice()), message.getPriceUnit() == null ? null
                            : message.getPriceUnit().getCurrencyCode());
        } catch (ApiException e) {
            throw translate(e);
        } catch (TwilioException e) {
            throw new CarrierException(Kind.UNAVAILABLE, null, "Twilio could not be reached", e);
        }
    }

    @Override
    public PlacedCall placeCall(String from, String to, String twiml, String statusCallback) {
        try {
            Call call = Call.creator(new PhoneNumber(to), new PhoneNumber(from), new Twiml(twiml))
                    .setStatusCallback(statusCallback).create(client());
            return new PlacedCall(call.getSid(), call.getStatus() == null ? "queued" : call.getStatus().toString());
        } catch (ApiException e) {
            throw translate(e);
        } catch (TwilioException e) {
            throw new CarrierException(Kind.UNAVAILABLE, null, "Twilio could not be reached", e);
        }
    }

    static CarrierException translate(ApiException e) {
        Integer code = e.getCode();
        Integer status = e.getStatusCode();
        Kind kind;
        if (code != null && code == 21610) {
            kind = Kind.UNSUBSCRIBED;
        } else if (code != null && (code == 21211 || code == 21214 || code == 21217 || code == 21614)) {
            kind = Kind.INVALID_NUMBER;
        } else if ((status != null && status == 429) || (code != null && code == 20429)) {
            kind = Kind.RATE_LIMITED;
        } else {
            kind = Kind.UNAVAILABLE;
        }
        return new CarrierException(kind, code, "Twilio refused the request (code " + code + ")", e);
    }

    private TwilioRestClient client() {
        TwilioRestClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = new TwilioRestClient.Builder(config.accountSid().orElseThrow(),
                            config.authToken().orElseThrow())
                            .httpClient(new BaseUrlHttpClient(config.baseUrl())).build();
                }
                current = client;
            }
        }
        return current;
    }

    private static BigDecimal price(String price) {
        try {
            return price == null || price.isBlank() ? null : new BigDecimal(price);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
