package ai.andy.events.intent.email;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import ai.andy.events.intent.Descriptions;

/** {@code email.list}: emails in the person's mailboxes, newest first. */
public record EmailList(
        @JsonPropertyDescription("only unread emails") Boolean unreadOnly,
        @JsonPropertyDescription("received at or after; " + Descriptions.TIME) OffsetDateTime since,
        @JsonPropertyDescription("received before; " + Descriptions.TIME) OffsetDateTime until,
        @JsonPropertyDescription("sender: a name as the person said it, or an address") String from,
        @JsonPropertyDescription("words to search for") String query,
        @JsonPropertyDescription("only emails with this label or in this folder") String label,
        @JsonPropertyDescription("at most this many emails (default 10)") Integer limit) {
}
