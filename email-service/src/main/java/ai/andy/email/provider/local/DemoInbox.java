package ai.andy.email.provider.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.email.EmailAddress;
import ai.andy.email.MessageMetadata;

/**
 * A small, realistic inbox for a new local mailbox, so Andy has something to read on a bare machine. Every message is
 * marked demo (a {@code DEMO} label, the {@code demo} flag in the API, and senders at example.com, a domain reserved
 * for examples), and some arrive "today" and unread, so "show my unread emails from today" has an answer.
 */
@ApplicationScoped
public class DemoInbox {
    public static final String LABEL = "DEMO";

    public record DemoMessage(MessageMetadata metadata, String text, String html) {
    }

    private record Template(String name, String address, String subject, String text, Duration age, boolean unread,
            List<String> extraLabels) {
    }

    private static final List<Template> TEMPLATES = List.of(
            new Template("Sarah Chen", "sarah.chen@example.com", "Lunch on Thursday?",
                    "Hi! Are you free for lunch on Thursday around 12:30? There's a new ramen place near the office "
                            + "I've been wanting to try.\n\nSarah",
                    Duration.ofMinutes(35), true, List.of()),
            new Template("Northwind Airlines", "no-reply@example.com", "Your flight to Lisbon is confirmed",
                    "Booking reference QX7R2B. Flight NW 418 departs Friday at 09:40 from Terminal 2. Online check-in "
                            + "opens 24 hours before departure.",
                    Duration.ofHours(2), true, List.of("CATEGORY_UPDATES")),
            new Template("Marcus Webb", "marcus.webb@example.com", "Q3 planning doc — comments by Monday",
                    "Hey, I've shared the Q3 planning doc. Could you add your comments on the hiring section by "
                            + "Monday? Happy to walk through it on a call if easier.\n\nThanks,\nMarcus",
                    Duration.ofHours(4), true, List.of("IMPORTANT")),
            new Template("Mom", "mom@example.com", "Sunday dinner",
                    "Dinner at ours on Sunday at 6? Your aunt is visiting. Bring a dessert if you can! Love, Mom",
                    Duration.ofDays(1).plusHours(3), false, List.of()),
            new Template("City Library", "notices@example.com", "A book you reserved is ready",
                    "\"The Overstory\" is waiting for you at the front desk until next Wednesday.",
                    Duration.ofDays(2), false, List.of("CATEGORY_UPDATES")),
            new Template("Andy", "welcome@example.com", "Welcome to Andy — this is a demo inbox",
                    "This local mailbox works without any account. The messages here are demo data. Connect Gmail or "
                            + "Outlook under Connections to read your real mail, or send mail to another Andy user's "
                            + "address and it is delivered here on this machine.",
                    Duration.ofDays(3), false, List.of()));

    public List<DemoMessage> messagesFor(String ownerAddress, Instant now) {
        List<DemoMessage> messages = new ArrayList<>();
        for (Template t : TEMPLATES) {
            List<String> labels = new ArrayList<>(List.of("INBOX", LABEL));
            labels.addAll(t.extraLabels());
            if (t.unread()) {
                labels.add("UNREAD");
            }
            MessageMetadata metadata = new MessageMetadata("local-" + UUID.randomUUID(), "t-" + UUID.randomUUID(),
                    new EmailAddress(t.name(), t.address()), List.of(new EmailAddress(null, ownerAddress)), List.of(),
                    t.subject(), LocalMailbox.snippet(t.text()), now.minus(t.age()), t.unread(), labels, false);
            messages.add(new DemoMessage(metadata, t.text(), null));
        }
        return messages;
    }
}
