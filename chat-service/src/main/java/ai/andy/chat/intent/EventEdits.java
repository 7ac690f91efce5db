package ai.andy.chat.intent;

import java.time.ZonedDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Changes to an existing event said without "move ... to": "push my 2pm back an hour", "change the location of the
 * budget review to room 12", "make tomorrow's standup 30 minutes long", "I can't make the standup tomorrow, cancel it".
 * Adding a guest to an existing event is not supported (calendar.update replaces the attendee list, and the engine
 * does not know the current one), so that gets a plain answer instead of a guess.
 */
final class EventEdits {

    /** "I can't make the standup tomorrow, cancel it". */
    private static final Pattern CANT_MAKE = Pattern.compile(
            "^i\\s+(?:can't|cant|cannot|can not|won't be able to|will not be able to)\\s+(?:make|go to|attend|do)\\s+(.+?)[,;.]?"
                    + "\\s+(?:so\\s+)?(?:(?:please|pls|can you|could you)\\s+)?(?:cancel|delete|drop)\\s+(?:it|that|this)$");
    /** "change the location of the budget review to room 12". */
    private static final Pattern RELOCATE = Pattern.compile(
            "^(?:change|update|set|move)\\s+the\\s+(?:location|venue|place|room)\\s+(?:of|for)\\s+(.+?)\\s+to\\s+(.+)$");
    /** "make tomorrow's standup 30 minutes long". */
    private static final Pattern MAKE_LONG = Pattern.compile("^(?:make|set)\\s+(.+)\\s+long$");
    /** "push my 2pm back an hour", "move the standup forward 15 minutes". */
    private static final Pattern SHIFT_BY = Pattern.compile(
            "^(?:push|move|shift|bump|bring)\\s+(.+?)\\s+(back|forward|out|up|later|earlier|ahead)\\s+(?:by\\s+)?(.+?)(?:\\s+(later|earlier))?$");
    /** "add Priya to the budget review": an existing event's guest list, which Andy cannot extend yet. */
    private static final Pattern ADD_GUEST = Pattern.compile(
            "^(?:add|invite)\\s+(.+?)\\s+to\\s+(?:the|my|our|this|that|tomorrow's|today's)\\s+(?!(?:calendar|diary|schedule|agenda|list|to-?do)\\b)(.+)$");

    private EventEdits() {
    }

    /** The intent for one of these changes, or null when the phrase is none of them. */
    static Interpretation parse(Phrase p, Context ctx) {
        Matcher m;
        if ((m = p.matcher(ADD_GUEST)).find() && TimeGrammar.parse(new Phrase(p.group(m, 2)), ctx, false).start() == null
                && Words.splitList(p.group(m, 1)).stream().allMatch(who -> People.looksLikePerson(who)
                        && !ctx.people().find(People.clean(who)).isEmpty())) {
            throw new Clarify("I can't add people to an event that already exists yet. I can create a new event with "
                    + "them, for example \"invite " + p.group(m, 1) + " to the " + p.group(m, 2) + " on Friday at 2pm\".");
        }
        if ((m = p.matcher(CANT_MAKE)).find()) {
            CalendarGrammar.Reference ref = CalendarGrammar.reference(p.group(m, 1), ctx);
            return Interpretation.of(new Intent("calendar.cancel", ref.params()));
        }
        if ((m = p.matcher(RELOCATE)).find()) {
            Map<String, Object> params = CalendarGrammar.reference(p.group(m, 1), ctx).params();
            params.put("changes", Map.of("location", p.group(m, 2)));
            return Interpretation.of(new Intent("calendar.update", params));
        }
        if ((m = p.matcher(MAKE_LONG)).find() && TimeGrammar.parse(new Phrase(p.group(m, 1)), ctx, false).durationMinutes != null) {
            When length = TimeGrammar.parse(new Phrase(p.group(m, 1)), ctx, false);
            Map<String, Object> params = CalendarGrammar.reference(p.group(m, 1), ctx).params();
            params.put("changes", Map.of("durationMinutes", length.durationMinutes));
            return Interpretation.of(new Intent("calendar.update", params));
        }
        if ((m = p.matcher(SHIFT_BY)).find()) {
            When by = TimeGrammar.parse(new Phrase("for " + p.group(m, 3)), ctx, false);
            CalendarGrammar.Reference ref = CalendarGrammar.reference(p.group(m, 1), ctx);
            if (by.durationMinutes != null && by.rest.tidy().isBlank() && ref.from() != null && ref.from().equals(ref.to())) {
                boolean earlier = (m.group(4) != null ? m.group(4) : m.group(2)).matches("forward|up|earlier|ahead");
                ZonedDateTime start = ref.from().plusMinutes(earlier ? -by.durationMinutes : by.durationMinutes);
                Map<String, Object> params = ref.params();
                params.put("changes", Map.of("start", When.iso(start)));
                return Interpretation.of(new Intent("calendar.update", params));
            }
        }
        return null;
    }
}
