package ai.andy.chat.service;

import java.util.UUID;

import ai.andy.chat.assistant.TurnSink;

/**
 * All events of one turn as a client sees them, in order: {@code turn} (the person's message is stored), then
 * {@code token}, {@code progress}, {@code action} and {@code error} as they happen, and {@code done} last.
 */
public interface TurnStream extends TurnSink {

    void started(UUID conversationId, UUID messageId);

    void done(UUID messageId, String text);
}
