package ai.andy.telephony.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.telephony.Carrier;
import ai.andy.telephony.PhoneCall;
import ai.andy.telephony.TextMessage;
import ai.andy.telephony.VoicemailMessage;
import ai.andy.telephony.repository.CallRecord;
import ai.andy.telephony.repository.SmsMessage;
import ai.andy.telephony.repository.Voicemail;

/** Stored rows as the person sees them: sealed fields opened for their owner only. */
@ApplicationScoped
public class Views {
    private final Sealing sealing;

    Views(Sealing sealing) {
        this.sealing = sealing;
    }

    /** Now, at the database's precision, so cursors made from fresh rows match stored ones. */
    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public TextMessage text(SmsMessage m) {
        return new TextMessage(m.id, m.peerHash, m.direction, sealing.open(m.peerSealed, m.userId, m.id, "peer"),
                sealing.open(m.bodySealed, m.userId, m.id, "body"), m.status, m.errorCode, m.carrier,
                Carrier.SIMULATED.wire().equals(m.carrier), m.price, m.priceUnit, m.createdAt);
    }

    public PhoneCall call(CallRecord c, Voicemail voicemail) {
        return new PhoneCall(c.id, c.direction, sealing.open(c.peerSealed, c.userId, c.id, "peer"),
                sealing.open(c.purposeSealed, c.userId, c.id, "purpose"), c.status, c.durationSeconds, c.carrier,
                Carrier.SIMULATED.wire().equals(c.carrier), voicemail == null ? null : voicemail(voicemail, c),
                c.createdAt);
    }

    public VoicemailMessage voicemail(Voicemail v, CallRecord call) {
        boolean simulated = call != null && Carrier.SIMULATED.wire().equals(call.carrier);
        return new VoicemailMessage(v.id, v.callId, call == null ? null
                : sealing.open(call.peerSealed, call.userId, call.id, "peer"), v.durationSeconds,
                sealing.open(v.transcriptSealed, v.userId, v.id, "transcript"), v.transcriptStatus,
                simulated ? null : sealing.open(v.recordingUrlSealed, v.userId, v.id, "recording"), simulated,
                v.createdAt);
    }
}
