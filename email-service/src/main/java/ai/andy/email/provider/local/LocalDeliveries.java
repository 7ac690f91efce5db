package ai.andy.email.provider.local;

import java.util.UUID;

import ai.andy.email.MessageMetadata;

/** Told of each message the local mailbox files in another Andy person's inbox, so they hear of it. */
public interface LocalDeliveries {
    void delivered(String userId, UUID accountId, UUID messageId, MessageMetadata message);
}
