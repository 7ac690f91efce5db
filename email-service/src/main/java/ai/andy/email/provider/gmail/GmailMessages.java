package ai.andy.email.provider.gmail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.MessagePart;
import com.google.api.services.gmail.model.MessagePartHeader;

import ai.andy.email.EmailAddress;
import ai.andy.email.MessageMetadata;
import ai.andy.email.provider.OutgoingMessage;
import ai.andy.email.provider.ProviderAccount;
import ai.andy.email.ProviderException;

/** Gmail's message resources to Andy's records and back; no I/O. */
final class GmailMessages {
    /** Headers asked for with {@code format=metadata}; Content-Type only feeds {@code hasAttachments}. */
    static final List<String> METADATA_HEADERS = List.of("From", "To", "Cc", "Subject", "Date", "Content-Type");

    static MessageMetadata metadata(Message message) {
        List<String> labels = message.getLabelIds() == null ? List.of() : message.getLabelIds();
        MessagePart payload = message.getPayload();
        List<EmailAddress> from = addresses(header(payload, "From"));
        Instant received = message.getInternalDate() == null ? null : Instant.ofEpochMilli(message.getInternalDate());
        return new MessageMetadata(message.getId(), message.getThreadId(), from.isEmpty() ? null : from.get(0),
                addresses(header(payload, "To")), addresses(header(payload, "Cc")), header(payload, "Subject"),
                message.getSnippet(), received, labels.contains("UNREAD"), labels, hasAttachments(payload));
    }

    /**
     * The metadata format has no parts, so attachments are judged from the top-level type: mail clients wrap a body
     * and its attachments in {@code multipart/mixed}, while {@code multipart/alternative} (text and HTML) and
     * {@code multipart/related} (HTML with inline images) are a single body. A mixed message without real
     * attachments is the rare false positive.
     */
    static boolean hasAttachments(MessagePart payload) {
        String type = payload == null ? null : payload.getMimeType();
        if (type == null) {
            type = header(payload, "Content-Type");
        }
        return type != null && type.trim().toLowerCase(Locale.ROOT).startsWith("multipart/mixed");
    }

    static String header(MessagePart part, String name) {
        if (part == null || part.getHeaders() == null) {
            return null;
        }
        for (MessagePartHeader header : part.getHeaders()) {
            if (name.equalsIgnoreCase(header.getName())) {
                return header.getValue();
            }
        }
        return null;
    }

    /** Parsed leniently: real headers are often slightly malformed, and a bad one must not fail a whole sync. */
    static List<EmailAddress> addresses(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        List<EmailAddress> result = new ArrayList<>();
        try {
            for (InternetAddress address : InternetAddress.parseHeader(header, false)) {
                if (address.isGroup()) {
                    for (InternetAddress member : address.getGroup(false)) {
                        result.add(new EmailAddress(member.getPersonal(), member.getAddress()));
                    }
                } else if (address.getAddress() != null && !address.getAddress().isBlank()) {
                    result.add(new EmailAddress(address.getPersonal(), address.getAddress()));
                }
            }
        } catch (AddressException unparseable) {
            return List.of();
        }
        return result;
    }

    /** A decoded text part's string, in the charset its Content-Type names (UTF-8 when it names none or a bad one). */
    static String decode(MessagePart part, byte[] data) {
        Charset charset = StandardCharsets.UTF_8;
        String type = header(part, "Content-Type");
        try {
            String name = type == null ? null : new ContentType(type).getParameter("charset");
            if (name != null && Charset.isSupported(name)) {
                charset = Charset.forName(name);
            }
        } catch (MessagingException | IllegalArgumentException unparseable) {
            // keep UTF-8
        }
        return new String(data, charset);
    }

    static boolean isAttachment(MessagePart part) {
        String disposition = header(part, "Content-Disposition");
        return (part.getFilename() != null && !part.getFilename().isEmpty())
                || (disposition != null && disposition.trim().toLowerCase(Locale.ROOT).startsWith("attachment"));
    }

    /**
     * The RFC 822 message Gmail sends. {@code original} is the message answered (with its Message-ID and References
     * headers) or null.
     */
    static byte[] rfc822(ProviderAccount account, OutgoingMessage outgoing, Message original) {
        try {
            MimeMessage mime = new AndyMimeMessage(domainOf(account.address()));
            mime.setFrom(internet(new EmailAddress(account.displayName(), account.address())));
            mime.setRecipients(RecipientType.TO, internet(outgoing.to()));
            mime.setRecipients(RecipientType.CC, internet(outgoing.cc()));
            mime.setRecipients(RecipientType.BCC, internet(outgoing.bcc()));
            mime.setSubject(outgoing.subject() == null ? "" : outgoing.subject(), "UTF-8");
            mime.setText(outgoing.body() == null ? "" : outgoing.body(), "UTF-8");
            mime.setSentDate(new Date());
            String parentId = original == null ? null : header(original.getPayload(), "Message-ID");
            if (parentId != null) {
                String references = header(original.getPayload(), "References");
                mime.setHeader("In-Reply-To", parentId);
                mime.setHeader("References", references == null ? parentId : references + " " + parentId);
            }
            mime.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // writeTo keeps the Bcc header; Gmail delivers to it and removes it, as it does for its own compose.
            mime.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException invalid) {
            throw new ProviderException(GmailMailProvider.PROVIDER, ProviderException.Kind.REJECTED,
                    "the message could not be built: " + invalid.getClass().getSimpleName(), null);
        }
    }

    private static InternetAddress[] internet(List<EmailAddress> addresses) {
        InternetAddress[] result = new InternetAddress[addresses.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = internet(addresses.get(i));
        }
        return result;
    }

    private static InternetAddress internet(EmailAddress address) {
        try {
            InternetAddress internet = new InternetAddress(address.address(), address.name(), "UTF-8");
            internet.validate();
            return internet;
        } catch (AddressException | UnsupportedEncodingException invalid) {
            // Never say which address: messages end up in logs.
            throw new ProviderException(GmailMailProvider.PROVIDER, ProviderException.Kind.REJECTED,
                    "an address of the message is not valid", null);
        }
    }

    private static String domainOf(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? "andy.invalid" : address.substring(at + 1);
    }

    /** Sets its own Message-ID: the default one looks up and reveals the server's host name. */
    private static final class AndyMimeMessage extends MimeMessage {
        private final String domain;

        AndyMimeMessage(String domain) {
            super(Session.getInstance(new Properties()));
            this.domain = domain;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + domain + ">");
        }
    }

    private GmailMessages() {
    }
}
