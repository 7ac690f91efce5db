package ai.andy.chat.intent;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code calendar.*}: "what's on my calendar tomorrow", "schedule a meeting with Sarah tomorrow at 2pm for 45
 * minutes", "book lunch with mom next Tuesday at noon at Luigi's", "move my 2pm meeting to 3pm", "cancel the dentist
 * appointment on Friday", "find a 30 minute slot with Sarah next week".
 *
 * <p>An existing event is named by {@code reference} (its words: "meeting with Sarah") and, when the person said when
 * it is, by {@code from}/{@code to} bounding its start ("my 2pm meeting" is the one starting at 14:00 today). A new
 * event needs a start; Andy asks for it rather than guessing. With no end or duration the calendar's default length
 * applies. A slot search with no length looks for 30 minutes within the next 7 days.
 */
final class CalendarGrammar implements Grammar {

    private static final Pattern FIND_SLOT = Pattern.compile(
            "^(?:find|look for|search for|suggest|get|pick|propose)\\s+(?:me\\s+|us\\s+)?(?:an?\\s+|some\\s+)?(?:free\\s+|open\\s+|good\\s+)?(?:time\\s+)?"
                    + "(?:slot|time|window|opening|gap|meeting time)s?\\b\\s*(.*)$");
    /** "find me 30 minutes with Priya", "I need a free hour sometime this week", "got 15 min free today?": a length. */
    private static final Pattern NEED_TIME = Pattern.compile(
            "^(?:find|get|grab|i need|i want|we need|got|have i got|do i have|is there|are there)\\s+(?:me\\s+|us\\s+)?"
                    + "(?:an?\\s+|some\\s+)?(?:free\\s+|open\\s+|spare\\s+)?(?:slot|block|window)?\\s*"
                    + "(?:free|open|spare)?\\s*(?:sometime|some time|somewhere|anywhere)?\\s*((?:with\\s+.+)?)$");
    private static final Pattern GOOD_TIME = Pattern.compile(
            "^(?:when's|whens|when is|what's|whats|what is)\\s+(?:a\\s+)?(?:good|free|the best)\\s+time\\s+(?:for|to)\\s+(?:an?\\s+)?"
                    + "(?:call|meeting|meet|chat|catch-?up|sync|talk)?\\s*((?:with\\s+.+)?)$");
    private static final Pattern WHEN_FREE = Pattern.compile(
            "^when\\s+(?:am i|are we|is everyone|are you)\\s+(?:free|available)\\b\\s*(.*)$|^when can (?:i|we) meet\\s*(?:with\\s+)?(.*)$");
    private static final Pattern RESCHEDULE = Pattern.compile(
            "^(?:move|reschedule|push|shift|change|postpone|delay|bring forward|bring)\\s+(.+)$");
    /** "invite Bob and Priya to the budget review on Friday at 2pm": a new event with them as attendees. */
    private static final Pattern INVITE = Pattern.compile("^invite\\s+(.+?)\\s+to\\s+(?!(?:it|this|that|the call|the meeting)$)(.+)$");
    private static final Pattern RENAME = Pattern.compile("^rename\\s+(.+?)\\s+to\\s+(.+)$");
    private static final Pattern CANCEL = Pattern.compile("^(?:cancel|delete|remove|call off|scrap|drop)\\s+(.+)$");
    private static final Pattern CREATE = Pattern.compile(
            "^(?:schedule|book(?!\\s+(?:club|group|signing|launch|fair|reading)\\b)|add|create|set up|setup|arrange|plan|put"
                    + "|organi[sz]e|block(?:\\s+out|\\s+off)?|new)\\s+(.*)$");
    /** "I have a doctor's appointment on Thursday at 11, put it in my calendar". */
    private static final Pattern HAVE_PUT_IT = Pattern.compile(
            "^(?:i have|i've got|i got|there's|there is)\\s+(.+?)[,;.]?\\s+(?:(?:please|can you|could you)\\s+)?"
                    + "(?:put|add|save|block|note)\\s+(?:it|that|this)(?:\\s+(?:in|on|to|into)\\s+(?:my|the)\\s+"
                    + "(?:calendar|diary|schedule|agenda))?$");
    /** "Book club on 3/12 at 7pm", "Team Sync on Monday 9am to 10am": a title and a when, nothing else. */
    private static final Pattern NOT_A_TITLE = Pattern.compile(
            "^(?:what|when|where|who|why|how|is|am|are|do|does|did|can|could|will|would|should|show|list|check|find|get|"
                    + "tell|give|any|my|i|i'm|it|it's|this|that|there|please|yes|no|ok|okay|thanks|thank|set|play|turn|"
                    + "start|stop|open|close|send|make|take|buy|go|pay|call|text|remind|wake|order|search|look|help|"
                    + "cancel|delete|move|change|update|note|write|read|email|e-mail|ring|phone|message|let|ask|"
                    + "don't|dont|need|want|have|has|had|was|were)\\b");
    private static final Pattern ON_CALENDAR = Pattern.compile(
            "\\s*\\b(?:on|to|in|into)\\s+(?:my|the|our)\\s+(?:calendar|diary|schedule|agenda)\\b");
    private static final Pattern CALLED = Pattern.compile(
            "^(?:an?\\s+)?(?:new\\s+)?(?:event|appointment|meeting)?\\s*(?:called|named|titled)\\s+(.+)$");
    private static final Pattern WITH = Pattern.compile(
            "\\bwith\\s+(.+?)(?=\\s+(?:at|in|about|to discuss|regarding|re|for)\\b|$)");
    /** The last "at"/"in" clause that names a place: "check in with Bob" is not in "with Bob". */
    private static final Pattern LOCATION = Pattern.compile(
            "\\s(?:at|in)\\s+(?!with\\b|to\\b|on\\b)((?:(?!\\s(?:at|in|with)\\s).)+?)(?:\\s+with\\s+.+)?$");
    private static final Pattern LIST = Pattern.compile(
            "\\b(?:calendar|schedule|agenda|diary|meetings|events|appointments|plans|busy)\\b"
                    + "|^(?:what's|what is|whats)\\s+(?:on|happening|planned|up)\\b|^what do i have\\b|^what have i got\\b"
                    + "|\\bmy\\s+(?:day|week|weekend)\\b"
                    + "|^(?:do i have|any|are there)\\s+(?:any\\s+)?(?:meetings?|events?|appointments?)\\b"
                    + "|^(?:what's|what is|whats|when is|when's|whens|where is|where's)\\s+(?:my|the|our)\\s+(?:next|first|upcoming)\\s+"
                    + "(?:meeting|event|appointment|call)\\b"
                    + "|^(?:am i|are we|will i be)\\s+(?:free|available|busy|booked)\\b"
                    + "|^is (?:my\\s+)?(?:day|morning|afternoon|evening|calendar|schedule|diary)\\s+(?:free|clear|open|busy|full)\\b"
                    + "|^(?:when|what time) is (?:my|the)\\s+\\S+"
                    + "|^do i have (?:anything|something)\\b"
                    + "|^(?:anything|is there anything)\\s+(?:on|for|happening|planned|scheduled)\\b");
    private static final Pattern EVENT_FIRST = Pattern.compile(
            "^(?:an?\\s+)?(?:meeting|lunch|dinner|breakfast|coffee|drinks|appointment|event|1:1|one on one)\\b");
    private static final Pattern NOT_EVENTS = Pattern.compile(
            "\\b(?:e-?mails?|inbox|tasks?|to-?dos?|reminders?|texts?|sms)\\b");

    @Override
    public Interpretation parse(Command command, Context ctx) {
        Phrase p = command.phrase();
        Matcher m;
        if (p.lower.matches(".*\\b(?:free|spare|open)\\s+(?:half\\s+)?hour\\b.*")) {
            // "a free hour", "a free half hour": lengths said without a number.
            p = new Phrase(p.text.replaceAll("(?i)\\b(free|spare|open)\\s+half\\s+hour\\b", "$1 30 minutes")
                    .replaceAll("(?i)\\b(free|spare|open)\\s+hour\\b", "$1 1 hour"));
        }
        When w = TimeGrammar.parse(p, ctx, false);
        if ((m = w.rest.matcher(FIND_SLOT)).find()) {
            return findSlot(w, w.rest.group(m, 1), ctx);
        }
        if (w.durationMinutes != null && ((m = w.rest.matcher(NEED_TIME)).find() || (m = w.rest.matcher(GOOD_TIME)).find())) {
            return findSlot(w, w.rest.group(m, 1), ctx);
        }
        if ((m = w.rest.matcher(WHEN_FREE)).find()) {
            // "when can I meet Marcus": the people met are attendees, as in "with Marcus".
            String tail = m.group(1) != null ? w.rest.group(m, 1) : "with " + w.rest.group(m, 2);
            return findSlot(w, tail, ctx);
        }
        if ((m = p.matcher(RENAME)).find() && !p.matcher(NOT_EVENTS).find()) {
            Reference ref = reference(p.group(m, 1), ctx);
            Map<String, Object> params = ref.params();
            params.put("changes", Map.of("title", Words.capitalize(p.group(m, 2))));
            return Interpretation.of(new Intent("calendar.update", params));
        }
        Interpretation edited = EventEdits.parse(p, ctx);
        if (edited != null) {
            return edited;
        }
        if ((m = p.matcher(INVITE)).find()) {
            List<Object> invited = new ArrayList<>();
            for (String who : Words.splitList(p.group(m, 1))) {
                invited.add(People.recipient(who, People.Channel.EMAIL, ctx));
            }
            return create(p.sub(m.start(2)), command, ctx, invited);
        }
        if ((m = p.matcher(HAVE_PUT_IT)).find()) {
            return create(p.sub(m.start(1), m.end(1)), command, ctx);
        }
        if ((m = p.matcher(RESCHEDULE)).find() && !p.matcher(NOT_EVENTS).find()) {
            return reschedule(p.sub(m.start(1)), ctx);
        }
        if ((m = p.matcher(CANCEL)).find() && !p.matcher(NOT_EVENTS).find()) {
            if (m.group(1).matches("^(?:all|every|everything)\\b.*")) {
                throw new Clarify("I can cancel one event at a time: which one?");
            }
            Reference ref = reference(p.group(m, 1), ctx);
            if (ref.words.isBlank() && ref.from == null) {
                throw new Clarify("Which event should I cancel?");
            }
            return Interpretation.of(new Intent("calendar.cancel", ref.params()));
        }
        if ((m = p.matcher(CREATE)).find() && !p.matcher(NOT_EVENTS).find()) {
            return create(p.sub(m.start(1)), command, ctx);
        }
        if (w.hasMoment() && p.matcher(EVENT_FIRST).find()) {
            return create(p, command, ctx); // "lunch with Bob tomorrow at noon"
        }
        if (p.matcher(LIST).find() && !p.matcher(NOT_EVENTS).find()) {
            return list(w, ctx);
        }
        if ((w.hasMoment() || w.date != null) && (w.durationMinutes == null || w.hasMoment()) && !p.matcher(NOT_A_TITLE).find()
                && !p.matcher(NOT_EVENTS).find() && !w.rest.isBlank() && w.rest.text.split("\\s+").length <= 6
                && ctx.people().find(People.clean(w.rest.text)).isEmpty()) {
            return create(p, command, ctx);
        }
        return null;
    }

    /** The words of a calendar question; anything else left over ("for Christmas") is a day we could not read. */
    private static final java.util.Set<String> LIST_WORDS = java.util.Set.of("what", "what's", "whats", "is", "are",
            "there", "anything", "on", "my", "the", "calendar", "schedule", "agenda", "diary", "do", "i", "have", "got",
            "any", "meeting", "meetings", "event", "events", "appointment", "appointments", "plans", "show", "me",
            "list", "for", "check", "get", "happening", "planned", "up", "am", "how", "busy", "in", "all", "look",
            "like", "does", "of", "tell", "about", "give", "a", "an", "whole", "day", "looks", "coming", "upcoming",
            "next", "week", "weekend", "when", "when's", "whens", "where", "where's", "first", "free", "available",
            "we", "will", "be", "something", "clear", "full", "open", "morning", "afternoon", "evening", "booked", "at", "then", "that", "time");

    private Interpretation list(When w, Context ctx) {
        if (w.rest.lower.matches("^(?:when|what time) is (?:my|the)\\s+.+") && !w.hasAnything()) {
            // "when is the dentist": the events of the coming week, where the person's event is.
            w = TimeGrammar.parse(new Phrase("next"), ctx, false);
            w.rest = new Phrase("next");
        }
        for (String word : w.rest.lower.split("[^\\p{L}']+")) {
            if (!word.isEmpty() && !LIST_WORDS.contains(word)) {
                throw new Clarify("Which day should I look at? For example \"tomorrow\" or \"next week\".");
            }
        }
        ZonedDateTime[] window = w.window();
        if (w.hasMoment() && w.partOfDay == null && w.endTime == null && w.rangeFrom == null && w.rangeTo == null) {
            // "am I free at 3 tomorrow": the hour from that time.
            ZonedDateTime at = w.start();
            window = new ZonedDateTime[] {at, at.plusHours(1)};
        } else if (window == null && w.rest.lower.matches(".*\\b(?:week|weekend)\\b.*")) {
            // "how does my week look": this week (or weekend).
            window = TimeGrammar.parse(new Phrase(w.rest.lower.contains("weekend") ? "this weekend" : "this week"),
                    ctx, false).window();
        } else if (window == null && w.rest.lower.matches(".*\\b(?:next|upcoming|coming)\\b.*")) {
            // "what's next on my calendar": from now, over the coming week.
            window = new ZonedDateTime[] {ctx.now().truncatedTo(ChronoUnit.MINUTES),
                ctx.now().toLocalDate().plusDays(8).atStartOfDay(ctx.now().getZone())};
        }
        if (window == null) {
            // "what's on my calendar": today.
            window = new ZonedDateTime[] {ctx.now().toLocalDate().atStartOfDay(ctx.now().getZone()),
                ctx.now().toLocalDate().plusDays(1).atStartOfDay(ctx.now().getZone())};
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("from", When.iso(window[0] != null ? window[0] : ctx.now()));
        if (window[1] != null) {
            params.put("to", When.iso(window[1]));
        }
        return Interpretation.of(new Intent("calendar.list", params));
    }

    private Interpretation findSlot(When w, String tail, Context ctx) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("durationMinutes", w.durationMinutes != null ? w.durationMinutes : 30);
        List<Object> attendees = attendees(new Phrase(tail == null ? "" : tail), ctx);
        if (!attendees.isEmpty()) {
            params.put("attendees", attendees);
        }
        ZonedDateTime now = ctx.now().truncatedTo(ChronoUnit.MINUTES);
        ZonedDateTime[] window = w.window();
        ZonedDateTime from = window == null || window[0] == null ? now : window[0];
        ZonedDateTime to = window == null || window[1] == null
                ? ctx.now().toLocalDate().plusDays(8).atStartOfDay(ctx.now().getZone()) : window[1];
        if (from.isBefore(now)) {
            from = now; // slots already past are no use
        }
        if (!to.isAfter(from)) {
            throw new Clarify("That time has passed. When should I look for a slot?");
        }
        params.put("from", When.iso(from));
        params.put("to", When.iso(to));
        return Interpretation.of(new Intent("calendar.findSlot", params));
    }

    private List<Object> attendees(Phrase words, Context ctx) {
        List<Object> out = new ArrayList<>();
        Matcher m = words.matcher(WITH);
        if (m.find()) {
            for (String who : Words.splitList(words.group(m, 1))) {
                out.add(People.recipient(who, People.Channel.EMAIL, ctx));
            }
        }
        return out;
    }

    private static final Pattern REPEATING = Pattern.compile(
            "\\b(?:every\\s+(?:day|week|month|year|morning|evening|weekday|" + TimeGrammar.WEEKDAYS
                    + ")|daily|weekly|monthly|yearly)\\b");

    private Interpretation create(Phrase rest, Command command, Context ctx) {
        return create(rest, command, ctx, List.of());
    }

    private Interpretation create(Phrase rest, Command command, Context ctx, List<Object> invited) {
        if (rest.matcher(REPEATING).find()) {
            throw new Clarify("I can't create repeating events yet. When should the first one be, just once?");
        }
        Matcher m = rest.matcher(ON_CALENDAR);
        if (m.find()) {
            rest = rest.cut(m);
        }
        When w = TimeGrammar.parse(rest, ctx, false);
        w.requireReadableDate();
        Phrase words = w.rest;
        String title = null;
        String location = null;
        Matcher called = words.matcher(CALLED);
        if (called.find()) {
            Phrase named = words.sub(called.start(1)).tidy();
            Matcher at = named.matcher(LOCATION);
            if (at.find()) {
                location = named.group(at, 1);
                named = named.sub(0, at.start());
            }
            title = named.tidy().text.replaceFirst("(?i)\\s+(?:on|at|for|from)$", "");
            words = new Phrase("");
        }
        List<Object> attendees = new ArrayList<>(invited);
        attendees.addAll(attendees(words, ctx));
        Matcher loc = words.matcher(LOCATION);
        if (loc.find()) {
            location = words.group(loc, 1).replaceFirst("(?i)\\s+(?:for|on|at|by|from)$", "");
            words = words.sub(0, loc.start());
        }
        if (title == null) {
            title = Words.stripArticles(words.tidy().text);
            title = title.replaceFirst("(?i)^(?:new\\s+)?(?:(?:event|appointment)\\s*:?|meeting\\s*:)\\s+(?:for\\s+)?(?=\\S)", "")
                    .replaceFirst("(?i)^(?:for|to)\\s+", "") // "block out 2 hours for deep work"
                    .replaceFirst("(?i)\\s+(?:for|on|at|in|to|by|from)$", ""); // "dentist for January 20"
        }
        if (title.isBlank() && command.quoted() != null) {
            title = command.quoted();
        }
        if (title.isBlank() || title.toLowerCase().matches("(?:an?\\s+)?(?:new\\s+)?(?:event|appointment|something)")) {
            throw new Clarify("What is the event?");
        }
        ZonedDateTime start = w.start();
        if (start == null) {
            if (w.date != null) {
                throw new Clarify("What time on " + When.spoken(w.date) + "?");
            }
            throw new Clarify("When should it be?");
        }
        if (start.isBefore(ctx.now().truncatedTo(ChronoUnit.MINUTES))) {
            throw new Clarify(When.spokenTime(start) + " has already passed. When should it be?");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("title", Words.capitalize(title));
        params.put("start", When.iso(start));
        ZonedDateTime end = w.end(start);
        if (end != null) {
            params.put("end", When.iso(end));
        } else if (w.durationMinutes != null) {
            params.put("durationMinutes", w.durationMinutes);
        }
        if (!attendees.isEmpty()) {
            params.put("attendees", attendees);
        }
        if (location != null && !location.isBlank()) {
            params.put("location", location);
        }
        return Interpretation.of(new Intent("calendar.create", params));
    }

    private Interpretation reschedule(Phrase rest, Context ctx) {
        // The new time follows the last "to" that is followed by a time: "move the call to Bob to 3pm".
        Matcher to = rest.matcher(Pattern.compile("\\s(?:to|until|till)\\s"));
        List<int[]> splits = new ArrayList<>();
        while (to.find()) {
            splits.add(new int[] {to.start(), to.end()});
        }
        for (int i = splits.size() - 1; i >= 0; i--) {
            Phrase after = rest.sub(splits.get(i)[1]).tidy();
            // "push my 3pm to 4": a bare hour after "to" is a clock time.
            When target = TimeGrammar.parse(after.lower.matches("\\d{1,2}(?::\\d{2})?") ? new Phrase("at " + after.text)
                    : after, ctx, false);
            if (target.hasAnything() && target.rest.tidy().isBlank()) {
                return moved(rest.text.substring(0, splits.get(i)[0]), target, ctx);
            }
        }
        throw new Clarify("When should it move to?");
    }

    private Interpretation moved(String refWords, When target, Context ctx) {
        Reference ref = reference(refWords, ctx);
        Map<String, Object> changes = new LinkedHashMap<>();
        ZonedDateTime start;
        if (target.exact != null || target.date != null && target.time != null) {
            start = target.start();
        } else if (target.time != null) {
            // A new time alone keeps the event's day when the person said it, else today (or tomorrow once past).
            start = ref.day != null ? ZonedDateTime.of(ref.day, target.time, ctx.now().getZone()) : target.start();
        } else if (target.date != null && ref.time != null) {
            start = ZonedDateTime.of(target.date, ref.time, ctx.now().getZone());
        } else if (target.date != null) {
            throw new Clarify("What time on " + When.spoken(target.date) + "?");
        } else {
            start = null;
        }
        if (start != null) {
            changes.put("start", When.iso(start));
            ZonedDateTime end = target.end(start);
            if (end != null) {
                changes.put("end", When.iso(end));
            }
        }
        if (target.durationMinutes != null) {
            changes.put("durationMinutes", target.durationMinutes);
        }
        if (changes.isEmpty()) {
            throw new Clarify("When should it move to?");
        }
        Map<String, Object> params = ref.params();
        params.put("changes", changes);
        return Interpretation.of(new Intent("calendar.update", params));
    }

    /** An existing event as the person named it: its words, and the day or time they gave for it. */
    record Reference(String words, ZonedDateTime from, ZonedDateTime to, java.time.LocalDate day,
            java.time.LocalTime time) {

        Map<String, Object> params() {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("reference", words.isBlank() ? "event" : words);
            if (from != null) {
                params.put("from", When.iso(from));
            }
            if (to != null) {
                params.put("to", When.iso(to));
            }
            return params;
        }
    }

    static Reference reference(String raw, Context ctx) {
        When w = TimeGrammar.parse(new Phrase(raw), ctx, false);
        w.requireReadableDate();
        String words = Words.stripArticles(w.rest.text).replaceFirst("(?i)^(?:next|upcoming)\\s+", "")
                .replaceAll("(?i)\\s+(?:on|at|for|from)$", "").replaceFirst("(?i)^(?:my|the|our)$", "").trim();
        if (words.matches("(?i)(?:it|that|this|that one|this one)")) {
            throw new Clarify("Which event do you mean?");
        }
        ZonedDateTime from = null;
        ZonedDateTime to = null;
        java.time.LocalDate day = w.date;
        if (w.hasMoment()) {
            from = w.start();
            to = from;
            day = from.toLocalDate();
        } else {
            ZonedDateTime[] window = w.window();
            if (window != null) {
                from = window[0];
                to = window[1];
            }
        }
        return new Reference(words, from, to, day, w.exact == null ? w.time : null);
    }
}
