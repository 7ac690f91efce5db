package ai.andy.telephony.rest;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import ai.andy.runtime.security.CurrentUser;
import ai.andy.telephony.service.SimulatorService;

/**
 * The simulated carrier's inbound side, for the signed-in person: text or call their simulated Andy number from any
 * number and step through the call as the caller. Nothing here reaches a real phone.
 */
@Path("/api/telephony/simulator")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SimulatorResource {
    private final SimulatorService simulator;
    private final CurrentUser user;

    SimulatorResource(SimulatorService simulator, CurrentUser user) {
        this.simulator = simulator;
        this.user = user;
    }

    public record InboundText(String from, String body) {
    }

    public record InboundCall(String from) {
    }

    public record CallerSays(String text) {
    }

    @GET
    public Map<String, Object> line() {
        return Map.of("number", simulator.number(user.id()), "simulated", true,
                "note", "Texts and calls to this number exist only in Andy's simulator; no phone network is involved.");
    }

    @POST
    @Path("/sms")
    public SimulatorService.Exchange text(InboundText text) {
        return simulator.text(user.id(), text == null ? null : text.from(), text == null ? null : text.body());
    }

    @POST
    @Path("/calls")
    public SimulatorService.Exchange call(InboundCall call) {
        return simulator.call(user.id(), call == null ? null : call.from());
    }

    @POST
    @Path("/calls/{callSid}/message")
    public SimulatorService.Exchange leaveMessage(@PathParam("callSid") String callSid, CallerSays says) {
        return simulator.leaveMessage(user.id(), callSid, says == null ? null : says.text());
    }

    @POST
    @Path("/calls/{callSid}/hangup")
    public SimulatorService.Exchange hangUp(@PathParam("callSid") String callSid) {
        return simulator.hangUp(user.id(), callSid);
    }
}
