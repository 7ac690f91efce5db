package ai.andy.telephony.rest;

import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import ai.andy.telephony.service.Webhooks;

/**
 * Twilio's webhooks, routed by the gateway without a token: the {@code X-Twilio-Signature} is the credential,
 * checked over the configured public URL. Answers TwiML.
 */
@Path("/twilio")
public class TwilioWebhookResource {
    private final Webhooks webhooks;

    TwilioWebhookResource(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Path("/{kind:sms|voice}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    public String receive(@PathParam("kind") String kind, MultivaluedMap<String, String> form,
            @HeaderParam("X-Twilio-Signature") String signature) {
        return webhooks.receive("/twilio/" + kind, single(form), signature);
    }

    @POST
    @Path("/{kind:sms|voice}/{event:status|recorded|transcription}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    public String callback(@PathParam("kind") String kind, @PathParam("event") String event,
            MultivaluedMap<String, String> form, @HeaderParam("X-Twilio-Signature") String signature) {
        return webhooks.receive("/twilio/" + kind + "/" + event, single(form), signature);
    }

    /** Twilio sends each parameter once; the validator takes a plain map. */
    private static Map<String, String> single(MultivaluedMap<String, String> form) {
        Map<String, String> params = new HashMap<>();
        form.forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        return params;
    }
}
