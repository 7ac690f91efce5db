package ai.andy.chat.assistant;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The offline engine's words for what a service answered. Mail content is shown to the person as it is, never acted
 * upon. Times are given in the person's time zone.
 */
final class AnswerWriter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final int MAX_BODY = 4000;

    private final ZoneId zone;
    private final LocalDate today;
    private final DomainAnswers domains;

    AnswerWriter(ZonedDateTime now) {
        this.zone = now.getZone();
        this.today = now.toLocalDate();
        this.domains = new DomainAnswers(now);
    }

    String answer(IntentOutcome outcome, Map<String, Object> params) {
        Map<String, Object> result = outcome.result() == null ? Map.of() : outcome.result();
        return switch (outcome.intent()) {
            case "email.list" -> mailList(result, params);
            case "email.read" -> mail(map(result.get("message")));
            case "email.update" -> "Done" + (result.get("count") instanceof Number n
                    ? ": " + n + (n.intValue() == 1 ? " message" : " messages") + " updated." : ".");
            default -> {
                String answer = domains.answer(outcome.intent(), result);
                yield answer != null ? answer : generic(result);
            }
        };
    }

    private String mailList(Map<String, Object> result, Map<String, Object> params) {
        List<?> messages = result.get("messages") instanceof List<?> l ? l : List.of();
        String kind = Boolean.TRUE.equals(params.get("unreadOnly")) ? "unread emails" : "emails";
        if (messages.isEmpty()) {
            return "You have no " + kind + (params.isEmpty() ? "." : " matching that.");
        }
        StringBuilder text = new StringBuilder();
        text.append(messages.size() == 1 ? "You have 1 " + kind.replace("emails", "email") : "You have "
                + messages.size() + " " + kind).append(":\n");
        int n = 1;
        for (Object item : messages) {
            Map<String, Object> m = map(item);
            text.append(n++).append(". ").append(sender(map(m.get("from")))).append(": ")
                    .append(blankAs(m.get("subject"), "(no subject)")).append(" (").append(when(m.get("receivedAt")))
                    .append(")\n");
        }
        if (Boolean.TRUE.equals(result.get("more"))) {
            text.append("There are more; say what to narrow it down to.\n");
        }
        return text.toString().stripTrailing();
    }

    private String mail(Map<String, Object> m) {
        if (m.isEmpty()) {
            return "I could not find that email.";
        }
        StringBuilder text = new StringBuilder();
        text.append("From ").append(sender(map(m.get("from")))).append(", ").append(when(m.get("receivedAt")))
                .append("\nSubject: ").append(blankAs(m.get("subject"), "(no subject)")).append("\n\n");
        Map<String, Object> body = map(m.get("body"));
        String plain = body.get("text") == null ? blankAs(m.get("snippet"), "") : body.get("text").toString();
        text.append(plain.length() > MAX_BODY ? plain.substring(0, MAX_BODY) + "\u2026" : plain);
        return text.toString().stripTrailing();
    }

    private static String generic(Map<String, Object> result) {
        Object message = result.get("message");
        return message instanceof String s && !s.isBlank() ? s : "Done.";
    }

    private static String sender(Map<String, Object> from) {
        Object name = from.get("name");
        Object address = from.get("address");
        return name != null && !name.toString().isBlank() ? name.toString()
                : address != null ? address.toString() : "unknown sender";
    }

    private String when(Object value) {
        if (value == null) {
            return "no date";
        }
        try {
            ZonedDateTime at = Instant.parse(value.toString()).atZone(zone);
            LocalDate day = at.toLocalDate();
            String time = TIME.format(at);
            return day.equals(today) ? "today " + time : day.equals(today.minusDays(1)) ? "yesterday " + time
                    : DAY.format(at) + " " + time;
        } catch (DateTimeParseException e) {
            return value.toString();
        }
    }

    private static String blankAs(Object value, String fallback) {
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
