package ai.andy.chat.intent;

import java.time.ZonedDateTime;

/** What a grammar needs besides the words: the person's "now" (with their zone), their people, their phone region. */
record Context(ZonedDateTime now, PeopleDirectory people, String region) {
}
