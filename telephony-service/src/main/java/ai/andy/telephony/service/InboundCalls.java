package ai.andy.telephony.service;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.events.Topics;
import ai.andy.events.payload.CallCompleted;
import ai.andy.events.payload.CallIncoming;
import ai.andy.events.payload.NotifyUser;
import ai.andy.events.payload.VoicemailRecorded;
import ai.andy.runtime.outbox.Outbox;
import ai.andy.telephony.Carrier;
import ai.andy.telephony.client.VoiceGreetings;
import ai.andy.telephony.repository.CallRecord;
import ai.andy.telephony.repository.CallRepository;
import ai.andy.telephony.repository.Markers;
import ai.andy.telephony.repository.PhoneLine;
import ai.andy.telephony.repository.Voicemail;
import ai.andy.telephony.repository.VoicemailRepository;
import io.smallrye.mutiny.Uni;

/**
 * Andy answering a person's phone: TwiML at once (their own greeting or Andy's), a message taken with
 * {@code <Record>}, then the recording and transcription callbacks become a voicemail, {@code voicemail.recorded}
 * and a notification. Callbacks may arrive in any order and more than once; each is applied once.
 */
@ApplicationScoped
public class InboundCalls {
    private final CallRepository calls;
    private final VoicemailRepository voicemails;
    private final Markers markers;
    private final Lines lines;
    private final PhoneNumbers numbers;
    private final Sealing sealing;
    private final Outbox outbox;
    private final VoiceGreetings greetings;
    private final WebhookGuard guard;

    InboundCalls(CallRepository calls, VoicemailRepository voicemails, Markers markers, Lines lines,
            PhoneNumbers numbers, Sealing sealing, Outbox outbox, VoiceGreetings greetings, WebhookGuard guard) {
        this.calls = calls;
        this.voicemails = voicemails;
        this.markers = markers;
        this.lines = lines;
        this.numbers = numbers;
        this.sealing = sealing;
        this.outbox = outbox;
        this.greetings = greetings;
        this.guard = guard;
    }

    String incoming(Map<String, String> params, Carrier signer) {
        String sid = params.get("CallSid");
        String from = numbers.lenient(params.get("From"));
        String to = numbers.lenient(params.get("To"));
        PhoneLine line = Db.write(() -> lines.reached(to, signer).chain(reached -> reached == null || sid == null
                ? Uni.createFrom().item(reached)
                : markers.firstReceipt(sid, "incoming").chain(first -> first
                        ? store(reached, sid, from, signer) : Uni.createFrom().voidItem()).replaceWith(reached)));
        if (line == null) {
            return Twiml.sayAndHangUp(Twiml.NOT_IN_SERVICE);
        }
        Optional<String> greeting = greetings.greetingUrl(line.userId);
        return Twiml.answer(greeting, guard.publicUrl("/twilio/voice/recorded"),
                guard.publicUrl("/twilio/voice/transcription"));
    }

    String recorded(Map<String, String> params, Carrier signer) {
        String recordingSid = params.get("RecordingSid");
        Integer duration = InboundTexts.integer(params.get("RecordingDuration"));
        if (recordingSid == null || duration == null || duration <= 0) {
            return Twiml.sayAndHangUp(Twiml.NO_MESSAGE);
        }
        Db.write(() -> markers.firstReceipt(recordingSid, "recorded").chain(first -> !first
                ? Uni.createFrom().voidItem()
                : call(params, signer).chain(call -> call == null ? Uni.createFrom().voidItem()
                        : voicemail(call, params).chain(v -> {
                            v.durationSeconds = duration;
                            return Uni.createFrom().voidItem();
                        }))));
        return Twiml.sayAndHangUp(Twiml.THANKS);
    }

    String transcribed(Map<String, String> params, Carrier signer) {
        String recordingSid = params.get("RecordingSid");
        if (recordingSid == null) {
            return Twiml.nothing();
        }
        boolean completed = "completed".equals(params.get("TranscriptionStatus"));
        String text = params.get("TranscriptionText");
        Db.write(() -> markers.firstReceipt(recordingSid, "transcription").chain(first -> !first
                ? Uni.createFrom().voidItem()
                : call(params, signer).chain(call -> call == null ? Uni.createFrom().voidItem()
                        : voicemail(call, params).chain(v -> {
                            v.transcriptStatus = completed && text != null ? "completed" : "failed";
                            v.transcriptSealed = completed && text != null
                                    ? sealing.seal(text, v.userId, v.id, "transcript") : null;
                            return announce(call, v, completed ? text : null, signer);
                        }))));
        return Twiml.nothing();
    }

    String status(Map<String, String> params, Carrier signer) {
        String sid = params.get("CallSid");
        String status = params.get("CallStatus");
        if (sid == null || status == null) {
            return Twiml.nothing();
        }
        Integer duration = InboundTexts.integer(params.get("CallDuration"));
        Db.write(() -> markers.firstReceipt(sid, "status:" + status).chain(first -> !first
                ? Uni.createFrom().voidItem()
                : calls.bySid(sid).chain(call -> call == null || !call.carrier.equals(signer.wire())
                        ? Uni.createFrom().voidItem()
                        : calls.advance(call.id, status, Statuses.call(status), duration).chain(moved ->
                                moved == 0 || !Statuses.FINAL_CALL.contains(status) ? Uni.createFrom().voidItem()
                                        : outbox.add(Topics.CALL_COMPLETED, call.userId, new CallCompleted(
                                                call.id.toString(), call.direction, sealing.open(call.peerSealed,
                                                        call.userId, call.id, "peer"), status, duration,
                                                signer == Carrier.SIMULATED))))));
        return Twiml.nothing();
    }

    private Uni<Void> store(PhoneLine line, String sid, String from, Carrier signer) {
        CallRecord call = new CallRecord();
        call.id = UUID.randomUUID();
        call.userId = line.userId;
        call.direction = "inbound";
        call.carrier = signer.wire();
        call.providerSid = sid;
        call.peerHash = sealing.numberHash(from);
        call.peerSealed = sealing.seal(from, call.userId, call.id, "peer");
        call.status = "ringing";
        call.statusRank = Statuses.call("ringing");
        call.createdAt = Views.now();
        call.updatedAt = call.createdAt;
        boolean simulated = signer == Carrier.SIMULATED;
        return calls.persist(call)
                .chain(() -> outbox.add(Topics.CALL_INCOMING, call.userId, new CallIncoming(call.id.toString(), from,
                        simulated, call.createdAt)))
                .chain(() -> outbox.add(Topics.NOTIFY_USER, call.userId, new NotifyUser("call.incoming",
                        (simulated ? "Simulated call from " : "Call from ") + from, "Andy is answering and will take "
                                + "a message.", Map.of("callId", call.id.toString(), "simulated", simulated))));
    }

    private Uni<CallRecord> call(Map<String, String> params, Carrier signer) {
        String callSid = params.get("CallSid");
        return callSid == null ? Uni.createFrom().nullItem() : calls.bySid(callSid)
                .map(call -> call != null && call.carrier.equals(signer.wire()) ? call : null);
    }

    /** The voicemail of this recording, created by whichever callback comes first. */
    private Uni<Voicemail> voicemail(CallRecord call, Map<String, String> params) {
        String recordingSid = params.get("RecordingSid");
        return voicemails.byRecordingSid(recordingSid).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            Voicemail v = new Voicemail();
            v.id = UUID.randomUUID();
            v.userId = call.userId;
            v.callId = call.id;
            v.recordingSid = recordingSid;
            v.recordingUrlSealed = sealing.seal(params.getOrDefault("RecordingUrl", ""), v.userId, v.id, "recording");
            v.transcriptStatus = "pending";
            v.createdAt = Views.now();
            return voicemails.persist(v);
        });
    }

    private Uni<Void> announce(CallRecord call, Voicemail v, String transcript, Carrier signer) {
        boolean simulated = signer == Carrier.SIMULATED;
        String from = sealing.open(call.peerSealed, call.userId, call.id, "peer");
        return outbox.add(Topics.VOICEMAIL_RECORDED, call.userId, new VoicemailRecorded(v.id.toString(),
                        call.id.toString(), from, v.durationSeconds, transcript, v.transcriptStatus, simulated))
                .chain(() -> outbox.add(Topics.NOTIFY_USER, call.userId, new NotifyUser("voicemail.recorded",
                        (simulated ? "Simulated voicemail from " : "Voicemail from ") + from,
                        transcript == null ? "The message could not be transcribed; listen to the recording."
                                : transcript,
                        Map.of("voicemailId", v.id.toString(), "callId", call.id.toString(), "simulated",
                                simulated))));
    }
}
