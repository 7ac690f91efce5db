package ai.andy.telephony.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message a caller left; the recording's URL and the transcript are sealed. */
@Entity
@Table(name = "voicemail")
public class Voicemail {
    @Id
    public UUID id;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "call_id")
    public UUID callId;
    @Column(name = "recording_sid")
    public String recordingSid;
    @Column(name = "recording_url_sealed")
    public byte[] recordingUrlSealed;
    @Column(name = "duration_seconds")
    public Integer durationSeconds;
    @Column(name = "transcript_sealed")
    public byte[] transcriptSealed;
    @Column(name = "transcript_status")
    public String transcriptStatus;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
