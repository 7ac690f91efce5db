package ai.andy.email.provider;

import ai.andy.email.ProviderException;

import ai.andy.email.MessageMetadata;
import java.util.List;

import ai.andy.email.MailProviderKind;

/**
 * One mailbox provider (Gmail, Outlook through Microsoft Graph, or Andy's own local mailbox), chosen per account.
 * <p>
 * Calls are blocking: the provider SDKs are. Callers run them on worker threads, never on an event loop. Every method
 * is scoped to the one {@link ProviderAccount} it is given. Failures a person should hear about are
 * {@link ProviderException}s; pacing, retries and circuit breaking happen inside the adapter (see {@link ProviderCalls}).
 */
public interface MailProvider {

    MailProviderKind kind();

    /**
     * Full metadata sync, newest first. Reports the mailbox size to {@link SyncSink#total} as soon as it is known and
     * hands over metadata in batches as it arrives.
     *
     * @return the cursor for {@link #incrementalSync} (Gmail: the history id read before listing began; Graph: the
     *     delta link)
     */
    String initialSync(ProviderAccount account, SyncSink sink);

    /**
     * Changes since {@code cursor}: new and changed messages to {@link SyncSink#upsert}, deleted ones to
     * {@link SyncSink#removed}.
     *
     * @return the next cursor
     * @throws CursorExpiredException when the provider no longer knows the cursor; the caller starts a full resync
     */
    String incrementalSync(ProviderAccount account, String cursor, SyncSink sink);

    /** Provider-side search (Gmail {@code q}, Graph {@code $search}), newest first, at most {@code limit}. */
    List<MessageMetadata> search(ProviderAccount account, String query, int limit);

    /** The body of one message, fetched on demand; Andy never stores it for provider accounts. */
    MessageContent fetchBody(ProviderAccount account, String providerMessageId);

    /** Sends a message and returns its metadata as the provider filed it (in Sent). */
    MessageMetadata send(ProviderAccount account, OutgoingMessage message);

    /** Marks read/unread, archives, adds or removes labels (Graph: categories and folders). */
    void modify(ProviderAccount account, String providerMessageId, MessageChange change);

    /** Moves a message to the provider's trash (not a permanent delete). */
    void trash(ProviderAccount account, String providerMessageId);
}
