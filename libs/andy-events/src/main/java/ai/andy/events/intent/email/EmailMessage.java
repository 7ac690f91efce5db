package ai.andy.events.intent.email;

/** Result of {@code email.read}, {@code email.send} and {@code email.reply}: the email read or written. */
public record EmailMessage(EmailMessageView message) {
}
