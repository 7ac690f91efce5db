package ai.andy.events.intent.email;

import java.util.List;

/** Result of {@code email.list} ({@code more}: there are more than {@code count}) and {@code email.update}. */
public record EmailMessages(List<EmailMessageView> messages, int count, Boolean more) {
}
