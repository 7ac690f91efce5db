package ai.andy.events;

/**
 * Every Kafka topic on Andy's event bus. Producers and consumers of each are listed in this module's README.
 * A consumer's dead-letter topic is the topic name plus {@link #DLQ_SUFFIX}.
 */
public final class Topics {
    public static final String CHAT_INTENT = "chat.intent";
    public static final String EMAIL_FETCHED = "email.fetched";
    public static final String EMAIL_RECEIVED = "email.received";
    public static final String EMAIL_SENT = "email.sent";
    public static final String CALENDAR_FETCHED = "calendar.fetched";
    public static final String CALENDAR_CHANGED = "calendar.changed";
    public static final String TASK_CHANGED = "task.changed";
    public static final String REMINDER_DUE = "reminder.due";
    public static final String TELEPHONY_FETCHED = "telephony.fetched";
    public static final String SMS_RECEIVED = "sms.received";
    public static final String SMS_STATUS = "sms.status";
    public static final String CALL_INCOMING = "call.incoming";
    public static final String CALL_COMPLETED = "call.completed";
    public static final String VOICEMAIL_RECORDED = "voicemail.recorded";
    public static final String VOICE_FETCHED = "voice.fetched";
    public static final String VOICE_GENERATED = "voice.generated";
    public static final String USER_CREATED = "user.created";
    public static final String USER_DELETED = "user.deleted";
    public static final String USER_EXPORT_REQUESTED = "user.export.requested";
    public static final String USER_EXPORT_PART = "user.export.part";
    public static final String CONNECTION_CHANGED = "connection.changed";
    public static final String USAGE_RECORDED = "usage.recorded";
    public static final String NOTIFY_USER = "notify.user";

    public static final String DLQ_SUFFIX = ".dlq";

    /** The CloudEvents {@code type} of events on a topic: {@code andy.<topic>}. */
    public static String eventType(String topic) {
        return "andy." + topic;
    }

    public static String deadLetterTopic(String topic) {
        return topic + DLQ_SUFFIX;
    }

    private Topics() {
    }
}
