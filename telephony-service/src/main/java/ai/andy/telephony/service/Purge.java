package ai.andy.telephony.service;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.telephony.repository.CallRepository;
import ai.andy.telephony.repository.LineRepository;
import ai.andy.telephony.repository.Markers;
import ai.andy.telephony.repository.SmsRepository;
import ai.andy.telephony.repository.VoicemailRepository;
import io.smallrye.mutiny.Uni;

/** Everything telephony-service holds for a person who deleted their account. */
@ApplicationScoped
public class Purge {
    private final SmsRepository texts;
    private final CallRepository calls;
    private final VoicemailRepository voicemails;
    private final LineRepository lines;
    private final Markers markers;

    Purge(SmsRepository texts, CallRepository calls, VoicemailRepository voicemails, LineRepository lines,
            Markers markers) {
        this.texts = texts;
        this.calls = calls;
        this.voicemails = voicemails;
        this.lines = lines;
        this.markers = markers;
    }

    /** Inside the caller's transaction (the consumer's applyOnce). */
    public Uni<Void> forget(String userId) {
        return voicemails.purge(userId).chain(() -> calls.purge(userId)).chain(() -> texts.purge(userId))
                .chain(() -> lines.purge(userId)).chain(() -> markers.purgeOptOuts(userId)).replaceWithVoid();
    }
}
