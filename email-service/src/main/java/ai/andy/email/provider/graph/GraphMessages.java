package ai.andy.email.provider.graph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.Recipient;

import ai.andy.email.EmailAddress;
import ai.andy.email.MessageMetadata;
import ai.andy.email.provider.OutgoingMessage;
import ai.andy.email.provider.ProviderAccount;

/** Graph's message model to Andy's metadata and back. */
final class GraphMessages {
    static final String[] METADATA = { "id", "conversationId", "from", "toRecipients", "ccRecipients", "subject",
            "bodyPreview", "receivedDateTime", "isRead", "categories", "parentFolderId", "hasAttachments" };

    static List<MessageMetadata> metadata(List<Message> messages, Map<String, String> labels) {
        return messages == null ? List.of() : messages.stream().map(message -> metadata(message, labels)).toList();
    }

    /** Labels: the well-known folder's name in upper case where known, then the categories as they are. */
    static MessageMetadata metadata(Message message, Map<String, String> folderLabels) {
        List<String> labels = new ArrayList<>();
        String folder = message.getParentFolderId() == null ? null : folderLabels.get(message.getParentFolderId());
        if (folder != null) {
            labels.add(folder);
        }
        if (message.getCategories() != null) {
            labels.addAll(message.getCategories());
        }
        return new MessageMetadata(message.getId(), message.getConversationId(), address(message.getFrom()),
                addresses(message.getToRecipients()), addresses(message.getCcRecipients()), message.getSubject(),
                message.getBodyPreview(),
                message.getReceivedDateTime() == null ? null : message.getReceivedDateTime().toInstant(),
                Boolean.FALSE.equals(message.getIsRead()), labels, Boolean.TRUE.equals(message.getHasAttachments()));
    }

    /** What was sent, from the draft Graph returned, falling back to what Andy asked for where the draft is silent. */
    static MessageMetadata sent(ProviderAccount account, Message draft, OutgoingMessage outgoing) {
        EmailAddress from = draft.getFrom() != null ? address(draft.getFrom())
                : new EmailAddress(account.displayName(), account.address());
        List<EmailAddress> to = draft.getToRecipients() != null && !draft.getToRecipients().isEmpty()
                ? addresses(draft.getToRecipients()) : outgoing.to();
        List<EmailAddress> cc = draft.getCcRecipients() != null && !draft.getCcRecipients().isEmpty()
                ? addresses(draft.getCcRecipients()) : outgoing.cc();
        String subject = draft.getSubject() != null ? draft.getSubject() : outgoing.subject();
        String snippet = draft.getBodyPreview() != null ? draft.getBodyPreview() : preview(outgoing.body());
        return new MessageMetadata(draft.getId(), draft.getConversationId(), from, to, cc, subject, snippet,
                Instant.now(), false, List.of("SENTITEMS"), Boolean.TRUE.equals(draft.getHasAttachments()));
    }

    static List<Recipient> recipients(List<EmailAddress> addresses) {
        return addresses.stream().map(address -> {
            com.microsoft.graph.models.EmailAddress graphAddress = new com.microsoft.graph.models.EmailAddress();
            graphAddress.setName(address.name());
            graphAddress.setAddress(address.address());
            Recipient recipient = new Recipient();
            recipient.setEmailAddress(graphAddress);
            return recipient;
        }).collect(Collectors.toCollection(ArrayList::new));
    }

    static ItemBody textBody(String text) {
        ItemBody body = new ItemBody();
        body.setContentType(BodyType.Text);
        body.setContent(text == null ? "" : text);
        return body;
    }

    private static EmailAddress address(Recipient recipient) {
        if (recipient == null || recipient.getEmailAddress() == null) {
            return null;
        }
        return new EmailAddress(recipient.getEmailAddress().getName(), recipient.getEmailAddress().getAddress());
    }

    private static List<EmailAddress> addresses(List<Recipient> recipients) {
        return recipients == null ? List.of()
                : recipients.stream().map(GraphMessages::address).filter(a -> a != null).toList();
    }

    private static String preview(String body) {
        return body == null ? null : body.substring(0, Math.min(body.length(), 255));
    }

    private GraphMessages() {
    }
}
