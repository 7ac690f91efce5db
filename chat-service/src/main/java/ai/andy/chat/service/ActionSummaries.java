package ai.andy.chat.service;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import ai.andy.chat.intent.Intent;

/**
 * Says in plain words exactly what a side-effecting intent will do, for the person to confirm: who receives what,
 * with which text, at what time. Also finds what is missing before an action can be offered at all (a person named
 * without an address or number).
 */
public final class ActionSummaries {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM 'at' HH:mm", Locale.ENGLISH);

    public static String summary(Intent intent, ZoneId zone) {
        Map<String, Object> p = intent.params();
        return switch (intent.name()) {
            case "email.send" -> "Send an email to " + people(p.get("to"), "address")
                    + (p.get("cc") == null ? "" : ", cc " + people(p.get("cc"), "address"))
                    + (p.get("bcc") == null ? "" : ", bcc " + people(p.get("bcc"), "address"))
                    + (p.get("account") == null ? "" : ", from account " + p.get("account"))
                    + (p.get("subject") == null ? "" : ", subject \u201c" + p.get("subject") + "\u201d")
                    + ": \u201c" + text(p.get("body")) + "\u201d";
            case "email.reply" -> "Reply" + (Boolean.TRUE.equals(p.get("replyAll")) ? " to all" : "") + " to "
                    + reference(p, "messageId") + (p.get("from") == null ? "" : " (from " + p.get("from") + ")")
                    + ": \u201c" + text(p.get("body")) + "\u201d";
            case "sms.send" -> "Text " + people(p.get("to"), "phone") + ": \u201c" + text(p.get("body")) + "\u201d";
            case "call.place" -> "Call " + people(p.get("to"), "phone")
                    + (p.get("purpose") == null ? "" : " about " + p.get("purpose"));
            case "calendar.create" -> "Create \u201c" + text(p.get("title")) + "\u201d " + when(p, zone)
                    + (p.get("location") == null ? "" : " at " + p.get("location"))
                    + " and invite " + people(p.get("attendees"), "address");
            case "calendar.update" -> "Change " + reference(p, "eventId") + changes(p.get("changes"), zone);
            case "calendar.cancel" -> "Cancel " + reference(p, "eventId") + " and tell the attendees";
            default -> intent.name() + " " + p;
        };
    }

    /**
     * Why the action cannot be offered yet, in words the person can act on: a recipient named without an address (or
     * phone number) Andy knows. Empty when nothing is missing.
     */
    public static Optional<String> missing(Intent intent) {
        String field = switch (intent.name()) {
            case "email.send" -> "address";
            case "calendar.create" -> "address";
            case "sms.send", "call.place" -> "phone";
            default -> null;
        };
        if (field == null) {
            return Optional.empty();
        }
        List<String> unknown = new ArrayList<>();
        for (String key : List.of("to", "cc", "bcc", "attendees")) {
            for (Object person : list(intent.params().get(key))) {
                if (person instanceof Map<?, ?> named && named.get(field) == null) {
                    unknown.add(String.valueOf(named.get("name")));
                } else if (person instanceof String s && !looksLike(s, field)) {
                    unknown.add(s);
                }
            }
        }
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        String what = "address".equals(field) ? "email address" : "phone number";
        return Optional.of("I don't know " + String.join(" or ", unknown.stream().map(n -> n + "'s").toList()) + " "
                + what + ". Say it with the " + what + ", e.g. "
                + ("address".equals(field) ? "\u201cemail dana@example.com saying \u2026\u201d."
                        : "\u201ctext +1 555 123 4567 that \u2026\u201d."));
    }

    private static boolean looksLike(String value, String field) {
        return "address".equals(field) ? value.contains("@") : value.startsWith("+");
    }

    private static String people(Object value, String field) {
        List<String> names = new ArrayList<>();
        for (Object person : list(value)) {
            if (person instanceof Map<?, ?> named) {
                Object name = named.get("name");
                Object contact = named.get(field);
                names.add(name == null ? String.valueOf(contact)
                        : contact == null ? name.toString() : name + " <" + contact + ">");
            } else {
                names.add(String.valueOf(person));
            }
        }
        return names.isEmpty() ? "nobody" : String.join(", ", names);
    }

    private static List<?> list(Object value) {
        return value == null ? List.of() : value instanceof Collection<?> c ? new ArrayList<>(c) : List.of(value);
    }

    private static String reference(Map<String, Object> p, String idField) {
        Object reference = p.get("reference");
        return reference != null ? reference.toString() : p.get(idField) != null ? String.valueOf(p.get(idField))
                : "it";
    }

    private static String when(Map<String, Object> p, ZoneId zone) {
        String start = time(p.get("start"), zone);
        if (p.get("end") != null) {
            return "on " + start + " until " + time(p.get("end"), zone);
        }
        return "on " + start + (p.get("durationMinutes") == null ? "" : " for " + p.get("durationMinutes")
                + " minutes");
    }

    private static String changes(Object changes, ZoneId zone) {
        if (!(changes instanceof Map<?, ?> map) || map.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        map.forEach((key, value) -> parts.add(key + " \u2192 " + ("start".equals(key) || "end".equals(key)
                ? time(value, zone) : value)));
        return ": " + String.join(", ", parts);
    }

    private static String time(Object value, ZoneId zone) {
        if (value == null) {
            return "an unspecified time";
        }
        try {
            return WHEN.format(OffsetDateTime.parse(value.toString()).atZoneSameInstant(zone));
        } catch (DateTimeParseException e) {
            return value.toString();
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private ActionSummaries() {
    }
}
