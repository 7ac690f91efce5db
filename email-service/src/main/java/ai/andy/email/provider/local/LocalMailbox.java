package ai.andy.email.provider.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.andy.email.MailProviderKind;
import ai.andy.email.EmailAddress;
import ai.andy.email.repository.Db;
import ai.andy.email.provider.MailProvider;
import ai.andy.email.provider.MessageChange;
import ai.andy.email.provider.MessageContent;
import ai.andy.email.MessageMetadata;
import ai.andy.email.provider.OutgoingMessage;
import ai.andy.email.provider.ProviderAccount;
import ai.andy.email.ProviderException;
import ai.andy.email.provider.SyncSink;
import ai.andy.email.repository.MessageQuery;
import ai.andy.email.repository.MessageRepository;
import ai.andy.email.repository.MessageRepository.LocalRecipient;
import ai.andy.runtime.crypto.Vault;

/**
 * The built-in mailbox for people without a connected account. Here Andy is the mail store, so bodies are kept, sealed
 * with the vault (AES-256-GCM, bound to the mailbox and message). Mail to another Andy person's local address lands in
 * their inbox; anything else is filed in Sent marked as not delivered, since this mailbox has no way out.
 * <p>
 * Read state, labels and trash live in the metadata rows that the mail service updates for every account, so
 * {@link #modify} and {@link #trash} have nothing further to do here.
 */
@ApplicationScoped
public class LocalMailbox implements MailProvider {
    public static final String NOT_DELIVERED = "not delivered (local mailbox)";

    private record Body(String text, String html) {
    }

    private final MessageRepository store;
    private final Vault vault;
    private final ObjectMapper json;
    private final DemoInbox demo;
    private final LocalDeliveries deliveries;

    LocalMailbox(MessageRepository store, Vault vault, ObjectMapper json, DemoInbox demo, LocalDeliveries deliveries) {
        this.store = store;
        this.vault = vault;
        this.json = json;
        this.demo = demo;
        this.deliveries = deliveries;
    }

    @Override
    public MailProviderKind kind() {
        return MailProviderKind.local;
    }

    /** A new local mailbox gets the demo inbox, once: later syncs find nothing new, as Andy delivers directly. */
    @Override
    public String initialSync(ProviderAccount account, SyncSink sink) {
        List<DemoInbox.DemoMessage> messages = demo.messagesFor(account.address(), Instant.now());
        sink.total(messages.size());
        for (DemoInbox.DemoMessage message : messages) {
            file(account.accountId(), account.userId(), message.metadata(), message.text(), message.html(), null, true);
        }
        // Already filed with their bodies; this only counts them as synced.
        sink.upsert(messages.stream().map(DemoInbox.DemoMessage::metadata).toList());
        return "local";
    }

    @Override
    public String incrementalSync(ProviderAccount account, String cursor, SyncSink sink) {
        return cursor;
    }

    @Override
    public List<MessageMetadata> search(ProviderAccount account, String query, int limit) {
        return Db.await(store.list(account.userId(), new MessageQuery(null, null, null, null, query, null, account.accountId(),
                        null, limit))).stream()
                .map(m -> new MessageMetadata(m.providerId(), m.threadId(), m.from(), m.to(), m.cc(), m.subject(),
                        m.snippet(), m.receivedAt(), m.unread(), m.labels(), m.hasAttachments()))
                .toList();
    }

    @Override
    public MessageContent fetchBody(ProviderAccount account, String providerMessageId) {
        byte[] sealed = Db.await(store.sealedBody(account.accountId(), providerMessageId))
                .orElseThrow(() -> new ProviderException("local", ProviderException.Kind.NOT_FOUND,
                        "no such message in the local mailbox", null));
        try {
            Body body = json.readValue(vault.open(sealed, associatedData(account.accountId(), providerMessageId)),
                    Body.class);
            return new MessageContent(body.text(), body.html());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a local message body could not be read", e);
        }
    }

    @Override
    public MessageMetadata send(ProviderAccount account, OutgoingMessage message) {
        Instant now = Instant.now();
        EmailAddress sender = new EmailAddress(account.displayName(), account.address());
        List<EmailAddress> everyone = Stream.of(message.to(), message.cc(), message.bcc()).flatMap(List::stream)
                .toList();
        List<LocalRecipient> local = Db.await(store.localMailboxes(everyone.stream().map(EmailAddress::address).toList()));
        Set<String> delivered = local.stream().map(LocalRecipient::address).collect(Collectors.toSet());
        boolean allDelivered = everyone.stream()
                .allMatch(a -> delivered.contains(a.address().toLowerCase(java.util.Locale.ROOT)));
        String threadId = message.inReplyTo() != null ? threadOf(account, message.inReplyTo()) : "t-" + UUID.randomUUID();
        String snippet = snippet(message.body());

        for (LocalRecipient recipient : local) {
            // Bcc stays hidden from other recipients: what they receive lists To and Cc only.
            MessageMetadata received = new MessageMetadata("local-" + UUID.randomUUID(), threadId, sender,
                    message.to(), message.cc(), message.subject(), snippet, now, true, List.of("INBOX", "UNREAD"),
                    false);
            UUID id = file(recipient.accountId(), recipient.userId(), received, message.body(), null, null, false);
            announce(recipient, id, received);
        }
        MessageMetadata sent = new MessageMetadata("local-" + UUID.randomUUID(), threadId, sender, message.to(),
                message.cc(), message.subject(), snippet, now, false, List.of("SENT"), false);
        file(account.accountId(), account.userId(), sent, message.body(), null, allDelivered ? null : NOT_DELIVERED,
                false);
        return sent;
    }

    /** The local mailbox is the store: the mail service's row update is the whole change. */
    @Override
    public void modify(ProviderAccount account, String providerMessageId, MessageChange change) {
    }

    /** As {@link #modify}: moving to trash is a label change on the stored row. */
    @Override
    public void trash(ProviderAccount account, String providerMessageId) {
    }

    private UUID file(UUID accountId, String userId, MessageMetadata metadata, String text, String html,
            String deliveryNote, boolean isDemo) {
        try {
            byte[] plain = json.writeValueAsBytes(new Body(text, html));
            Vault.Sealed sealed = vault.seal(plain, associatedData(accountId, metadata.providerId()));
            UUID id = UUID.randomUUID();
            Db.await(store.insertLocal(id, accountId, userId, metadata, sealed.ciphertext(), sealed.keyId(),
                    deliveryNote, isDemo));
            return id;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The recipient hears of new mail as they would from a provider's sync. */
    private void announce(LocalRecipient recipient, UUID id, MessageMetadata m) {
        deliveries.delivered(recipient.userId(), recipient.accountId(), id, m);
    }

    private String threadOf(ProviderAccount account, String providerMessageId) {
        List<ai.andy.email.repository.StoredMessage> found = Db.await(store.findByProviderIds(account.accountId(),
                List.of(providerMessageId)));
        if (found.isEmpty()) {
            throw new ProviderException("local", ProviderException.Kind.NOT_FOUND, "no such message to reply to", null);
        }
        return found.get(0).threadId();
    }

    private static String associatedData(UUID accountId, String providerMessageId) {
        return "mail_message:" + accountId + ":" + providerMessageId;
    }

    static String snippet(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() <= 120 ? flat : flat.substring(0, 117) + "...";
    }
}
