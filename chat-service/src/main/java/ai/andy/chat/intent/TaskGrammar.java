package ai.andy.chat.intent;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code task.create}, {@code task.list}, {@code task.complete}: "remind me to buy milk tomorrow", "add renew passport
 * to my to-do list", "new task: call the bank by Friday, high priority", "what's due today", "show my completed
 * tasks", "mark buy milk as done", "tick off call the bank".
 *
 * <p>A due date without a time is due at 09:00 that day (a reminder in the morning of the day is what people expect
 * from "remind me ... tomorrow"). Priority is "high" for "urgent", "asap", "high priority"; "low" for "low priority".
 */
final class TaskGrammar implements Grammar {

    private static final String LIST_NOUN = "(?:to-?do(?:\\s+list)?|todos?(?:\\s+list)?|tasks?(?:\\s+list)?|reminders|(?:\\w+\\s+)?list)";
    private static final Pattern REMIND = Pattern.compile("^remind me\\b\\s*(.*)$");
    /** "tomorrow at 8am remind me to ...": the time said first. */
    private static final Pattern WHEN_REMIND = Pattern.compile("^(.+?),?\\s+(?:(?:please|can you|could you)\\s+)?remind me\\b\\s*(.*)$");
    /** "todo: buy milk", "task - call the bank". */
    private static final Pattern LABELLED = Pattern.compile("^(?:new\\s+)?(?:(?:high|top|urgent|low|medium|normal)[\\s-]+priority\\s+|urgent\\s+|important\\s+)?(?:to-?do|to do|task|reminder)\\s*[:-]\\s*(.+)$"
            + "|^(?:new\\s+)?(?:to-?do|todo)\\s+(?!(?:list|lists|items?|for|due|today|tomorrow|this|next|on|in)\\b)(.+)$");
    /** "I need to renew my passport, add it to my list": the task first, then the request. */
    private static final Pattern NEED_TO = Pattern.compile(
            "^(?:i\\s+(?:need|have|got|must|should|want)\\s+to|i've got to|i gotta|i must|need to|gotta|have to)\\s+(.+?)"
                    + "[,;.]?\\s+(?:(?:so\\s+)?(?:please|can you|could you|pls)\\s+)?(?:add|put|write|note|save)\\s+(?:it|that|this)"
                    + "(?:\\s+down)?(?:\\s+(?:to|on|in)\\s+(?:my|the)\\s+" + LIST_NOUN + ")?$"
                    + "|^(?:i\\s+(?:need|have|got|must|should)\\s+to|need to|have to)\\s+(.+?)[,;.]?\\s+(?:(?:please|can you|could you)\\s+)?"
                    + "remind me(?:\\s+(?:about it|of it|of that|about that))?$");
    private static final Pattern ADD_TO_LIST = Pattern.compile(
            "^(?:add|put|write down|note)\\s+(.+?)\\s+(?:to|on|in)\\s+(?:my\\s+|the\\s+)?" + LIST_NOUN + "\\b\\s*(.*)$");
    private static final Pattern NEW_TASK = Pattern.compile(
            "^(?:add|create|make|new|set|start|i need|give me)\\s+(?:an?\\s+)?(?:new\\s+)?"
                    + "((?:high|top|urgent|low|medium|normal)[\\s-]+priority\\s+|urgent\\s+|important\\s+)?"
                    + "(?:task|to-?do|todo|reminder)\\b\\s*(?::|to|called|named|for)?\\s*(.*)$");
    private static final Pattern DONT_FORGET = Pattern.compile("^(?:don't|do not) (?:let me )?forget (?:to\\s+)?(.+)$");

    private static final Pattern LIST_QUESTION = Pattern.compile(
            "^(?:show|list|what|what's|whats|get|check|do i have|any|read|tell me|my|open|how many|which)\\b.*\\b(?:tasks?|to-?dos?|todo list|to-?do list|reminders)\\b"
                    + "|^(?:what's|what is|whats|anything)\\s+(?:due|overdue)\\b|\\boverdue\\b.*\\btasks?\\b|^(?:my\\s+)?(?:tasks|to-?dos?|to-?do list|task list)\\b"
                    + "|^(?:what|what's|whats|show|anything|is anything|is there anything|do i have)\\b.*\\bdue\\b"
                    + "|^what (?:do|have|else do) i (?:still )?(?:need|got|have) to do\\b|^what's left (?:to do|on my list)\\b");

    private static final Pattern[] COMPLETE = {
        Pattern.compile("^(?:mark|set)\\s+(.+?)\\s+(?:as\\s+)?(?:done|complete|completed|finished)$"),
        Pattern.compile("^(?:tick|check|cross|strike)\\s+off\\s+(.+?)(?:\\s+(?:from\\s+)?(?:my|the)\\s+" + LIST_NOUN + ")?$"),
        Pattern.compile("^(?:tick|check|cross|strike)\\s+(.+?)\\s+off(?:\\s+(?:my|the)\\s+" + LIST_NOUN + ")?$"),
        Pattern.compile("^(?:complete|finish)\\s+(?:the\\s+|my\\s+)?(?:task|to-?do)\\b\\s*(.*)$"),
        Pattern.compile("^(?:i(?:'ve| have)?\\s+)?(?:finished|done with|completed)(?:\\s*:\\s*|\\s+)(.+)$"),
        Pattern.compile("^(?:done|complete|completed)\\s*:\\s*(.+)$"),
        // "I paid the rent, mark it done": the thing done, then the request.
        Pattern.compile("^i(?:'ve| have)?\\s+(.+?)[,;.]?\\s+(?:(?:so\\s+)?(?:please|pls|you can|can you)\\s+)?"
                + "(?:mark|tick|check|cross|strike)\\s+(?:it|that|this)\\s+(?:as\\s+)?(?:done|complete|completed|finished|off)$"),
    };
    private static final Pattern PRIORITY = Pattern.compile(
            ",?\\s*\\b(?:(?:with\\s+)?(high|top|urgent|low|medium|normal)[\\s-]+priority|priority[\\s:]+(high|low|medium|normal)"
                    + "|(urgent|urgently|asap|important))\\b");
    /** Words joining "remind me" to the task ("to", "about") and a due word left behind by its date ("by"). */
    private static final Pattern LEAD = Pattern.compile("(?i)^(?:to|about|that i (?:need|have) to|that|of)\\s+");
    private static final Pattern TRAIL = Pattern.compile("(?i)\\s+(?:by|due|before|on|at|for)$");

    @Override
    public Interpretation parse(Command command, Context ctx) {
        Phrase p = command.phrase();
        Matcher m;
        for (Pattern complete : COMPLETE) {
            m = p.matcher(complete);
            if (m.find()) {
                return complete(p.group(m, 1), command);
            }
        }
        if ((m = p.matcher(REMIND)).find()) {
            return create(p.sub(m.start(1)), command, ctx, "What should I remind you about?");
        }
        if ((m = p.matcher(WHEN_REMIND)).find()
                && TimeGrammar.parse(new Phrase(m.group(1)), ctx, false).rest.isBlank()) {
            return create(new Phrase(p.group(m, 2) + " " + p.group(m, 1)), command, ctx,
                    "What should I remind you about?");
        }
        if ((m = p.matcher(LABELLED)).find()) {
            if (m.group(1) != null) {
                // "low priority task: clean out the garage": the priority said before the label still counts.
                Matcher said = PRIORITY.matcher(p.lower.substring(0, m.start(1)));
                String priority = said.find() ? " " + said.group().replaceFirst("^,", "").trim() : "";
                return create(new Phrase(p.text.substring(m.start(1)) + priority), command, ctx, "What's the task?");
            }
            return create(p.sub(m.start(2)), command, ctx, "What's the task?");
        }
        if ((m = p.matcher(NEED_TO)).find()) {
            return create(p.sub(m.start(m.group(1) != null ? 1 : 2), m.end(m.group(1) != null ? 1 : 2)), command,
                    ctx, "What's the task?");
        }
        if ((m = p.matcher(ADD_TO_LIST)).find() && !p.group(m, 1).matches("(?i).*\\b(?:calendar|diary|schedule)\\b.*")) {
            return create(new Phrase(p.group(m, 1) + " " + p.group(m, 2)), command, ctx, "What should I add?");
        }
        if ((m = p.matcher(NEW_TASK)).find()) {
            // "a high priority task to file the taxes": the priority said before the noun still counts.
            String priority = m.group(1) == null ? "" : p.group(m, 1) + " ";
            return create(new Phrase(p.text.substring(m.start(2)) + " " + priority), command, ctx, "What's the task?");
        }
        if ((m = p.matcher(DONT_FORGET)).find()) {
            return create(p.sub(m.start(1)), command, ctx, "What's the task?");
        }
        if (p.lower.matches("^(?:what|which)\\s+(?:tasks?\\s+|things\\s+)?(?:have i|did i|i've)\\s+(?:already\\s+)?"
                + "(?:ticked|checked|crossed|struck)\\s+off\\b.*")) {
            return list(new Phrase("completed tasks"), ctx); // "what have I already ticked off my list?"
        }
        if (p.matcher(LIST_QUESTION).find()) {
            return list(p, ctx);
        }
        return null;
    }

    private static final Pattern REPEATING = Pattern.compile(
            "\\b(?:every\\s+(?:day|week|month|year|morning|evening|night|weekday|" + TimeGrammar.WEEKDAYS
                    + ")|daily|weekly|monthly|yearly)\\b");

    private Interpretation create(Phrase rest, Command command, Context ctx, String ifEmpty) {
        if (rest.matcher(REPEATING).find()) {
            // No repeating tasks in the contract: setting one once would quietly drop the rest.
            throw new Clarify("I can't set repeating reminders yet. When should I remind you, just once?");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        String priority = null;
        Matcher pm = rest.matcher(PRIORITY);
        if (pm.find()) {
            String level = pm.group(1) != null ? pm.group(1) : pm.group(2) != null ? pm.group(2) : "high";
            priority = switch (level) {
                case "high", "top", "urgent" -> "high";
                case "low" -> "low";
                default -> "normal";
            };
            rest = rest.cut(pm);
        }
        When when = TimeGrammar.parse(rest, ctx, false);
        when.requireReadableDate();
        String title = when.rest.text;
        title = TRAIL.matcher(LEAD.matcher(title).replaceFirst("")).replaceFirst("").trim();
        if (title.isBlank() && command.quoted() != null) {
            title = command.quoted();
        }
        if (title.isBlank()) {
            throw new Clarify(ifEmpty);
        }
        params.put("title", Words.capitalize(title));
        ZonedDateTime due = when.start();
        if (due == null && when.date != null) {
            due = ZonedDateTime.of(when.date, LocalTime.of(9, 0), ctx.now().getZone());
        }
        if (due != null && due.isBefore(ctx.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
            throw new Clarify(When.spokenTime(due) + " has already passed. When should I remind you?");
        }
        if (due != null) {
            params.put("due", When.iso(due));
        }
        if (priority != null) {
            params.put("priority", priority);
        }
        return Interpretation.of(new Intent("task.create", params));
    }

    private Interpretation list(Phrase p, Context ctx) {
        Map<String, Object> params = new LinkedHashMap<>();
        String status = p.lower.matches(".*\\b(?:including|incl|with|and|plus|as well as|even)\\s+(?:the\\s+)?(?:completed|done|finished)\\b.*")
                || p.lower.matches(".*\\b(?:open|pending)\\s+(?:and|or|&)\\s+(?:completed|done|finished)\\b.*") ? "all"
                : p.lower.matches(".*\\b(?:completed|done|finished)\\b.*") ? "completed"
                : p.lower.matches(".*\\ball\\b.*") ? "all" : "open";
        params.put("status", status);
        if (p.lower.matches(".*\\boverdue\\b.*")) {
            params.put("dueBefore", When.iso(ctx.now()));
        } else {
            When when = TimeGrammar.parse(p, ctx, false);
            ZonedDateTime[] window = when.window();
            if (window != null && window[1] != null) {
                params.put("dueBefore", When.iso(window[1]));
            }
        }
        return Interpretation.of(new Intent("task.list", params));
    }

    private Interpretation complete(String ref, Command command) {
        if (ref.toLowerCase().matches(".*\\b(?:e-?mails?|mail|messages?)\\b.*")) {
            return null;
        }
        if (command.quoted() != null) {
            ref = command.quoted(); // "mark \"buy milk\" as done": the quote names the task exactly
        }
        String reference = ref.replaceFirst("(?i)^(?:the\\s+|my\\s+)?(?:task|to-?do|reminder)(?:\\s+to)?\\s+", "")
                .replaceFirst("(?i)\\s+(?:from|on|off)\\s+(?:my|the)\\s+(?:to-?do\\s+|task\\s+)?list$", "")
                .replaceAll("^[\"']|[\"']$", "").trim();
        reference = Words.stripArticles(reference);
        if (reference.isBlank() || reference.matches("(?i)it|that|this")) {
            throw new Clarify("Which task is done?");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("reference", reference);
        return Interpretation.of(new Intent("task.complete", params));
    }
}
