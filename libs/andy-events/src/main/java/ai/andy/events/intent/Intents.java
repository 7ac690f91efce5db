package ai.andy.events.intent;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import ai.andy.events.Topics;
import ai.andy.events.intent.calendar.CalendarIntents;
import ai.andy.events.intent.email.EmailIntents;
import ai.andy.events.intent.telephony.TelephonyIntents;
import ai.andy.events.intent.voice.VoiceIntents;

/**
 * The registry of every intent, in one fixed order (chat's tool list follows it, and that list is part of the
 * language model's cached prompt prefix, so new intents go at the end of their domain's list).
 */
public final class Intents {
    public static final List<IntentSpec<?, ?>> ALL = Stream.of(EmailIntents.ALL, CalendarIntents.ALL,
            TelephonyIntents.ALL, VoiceIntents.ALL).flatMap(List::stream).toList();

    private static final Map<String, IntentSpec<?, ?>> BY_NAME = index();

    private Intents() {
    }

    public static Optional<IntentSpec<?, ?>> find(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    /**
     * The domain service that owns an intent's name: tasks live with the calendar, texts and calls with telephony.
     * A {@code search} is answered by every domain.
     */
    public static String ownerOf(String intentName) {
        String prefix = intentName.substring(0, Math.max(0, intentName.indexOf('.')));
        return switch (prefix) {
            case "task" -> "calendar";
            case "sms", "call" -> "telephony";
            case "" -> intentName;
            default -> prefix;
        };
    }

    /** The topic the owner of an intent answers on. */
    public static String resultTopic(String intentName) {
        return switch (ownerOf(intentName)) {
            case "email" -> Topics.EMAIL_FETCHED;
            case "calendar" -> Topics.CALENDAR_FETCHED;
            case "telephony" -> Topics.TELEPHONY_FETCHED;
            case "voice" -> Topics.VOICE_FETCHED;
            default -> throw new IllegalArgumentException("no service owns intent " + intentName);
        };
    }

    /** Every topic a domain service answers intents on: what chat listens to. */
    public static Set<String> resultTopics() {
        return new LinkedHashSet<>(List.of(Topics.EMAIL_FETCHED, Topics.CALENDAR_FETCHED, Topics.TELEPHONY_FETCHED,
                Topics.VOICE_FETCHED));
    }

    private static Map<String, IntentSpec<?, ?>> index() {
        Map<String, IntentSpec<?, ?>> byName = new LinkedHashMap<>();
        for (IntentSpec<?, ?> spec : ALL) {
            if (byName.put(spec.name(), spec) != null) {
                throw new IllegalStateException("intent registered twice: " + spec.name());
            }
        }
        return Map.copyOf(byName);
    }
}
