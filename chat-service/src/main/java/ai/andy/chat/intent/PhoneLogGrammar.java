package ai.andy.chat.intent;

import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code sms.list} and {@code call.list}: "show my text messages", "any new texts from Bob?", "did Priya text me",
 * "call history", "missed calls today", "did mom call?". Asked before the texting grammar, which owns "text Bob ...",
 * and before email, which owns plain "messages".
 */
final class PhoneLogGrammar implements Grammar {

    private static final Pattern TEXTS = Pattern.compile("\\b(?:texts|text messages|sms(?:es)?|sms messages|imessages)\\b");
    private static final Pattern CALLS = Pattern.compile(
            "\\b(?:calls|call history|call log|call logs|calls log|voicemails?|phone calls|missed call)\\b");
    private static final Pattern LIST_START = Pattern.compile(
            "^(?:show|list|check|get|read|any|do i have|did i get|have i got|what|what's|whats|how many|give me|"
                    + "tell me|open|see|fetch|pull up|display|my|unread|new|recent|latest|last|missed|who|were there|"
                    + "are there|is there|texts|text messages|calls|call history|call log|voicemails?)\\b");
    /** "did Priya call me", "has Bob texted", "did anyone call". */
    private static final Pattern DID_THEY = Pattern.compile(
            "^(?:did|has|have)\\s+(.+?)\\s+(call(?:ed)?|ring|rang|phone(?:d)?|text(?:ed)?|messaged|sms(?:ed)?)(?:\\s+me)?\\b\\s*(.*)$");
    /** "what did Bob text me", "what did Jean say in her text". */
    private static final Pattern WHAT_TEXTED = Pattern.compile(
            "^what (?:did|has)\\s+(.+?)\\s+(?:text(?:ed)?(?:\\s+me)?|sms(?:ed)?(?:\\s+me)?|say in (?:his|her|their|the|that) (?:last |latest )?text(?: message)?)\\b");
    /** "did I miss any calls?", "have I missed a call today". */
    private static final Pattern MISSED_ANY = Pattern.compile(
            "^(?:did|have)\\s+i\\s+miss(?:ed)?\\s+(?:any|a|an)\\s+(?:phone\\s+)?calls?\\b\\s*(.*)$");
    private static final Pattern WHO_CALLED = Pattern.compile("^who\\s+(called|rang|phoned|texted|messaged)(?:\\s+me)?\\b\\s*(.*)$");
    private static final Pattern FROM = Pattern.compile(
            "\\b(?:from|with|by)\\s+(.+?)(?=\\s+(?:since|today|yesterday|this|last|in|on|about)\\b|$)");
    private static final Pattern UNREAD = Pattern.compile("\\b(?:unread|new|unseen)\\b");
    private static final Pattern MISSED = Pattern.compile("\\bmissed\\b");

    @Override
    public Interpretation parse(Command command, Context ctx) {
        Phrase p = command.phrase();
        Matcher m = p.matcher(DID_THEY);
        if (m.find()) {
            boolean calls = m.group(2).matches("call(?:ed)?|ring|rang|phone(?:d)?");
            String who = p.group(m, 1);
            boolean anyone = who.toLowerCase().matches("any(?:one|body)|someone|somebody");
            return list(calls, anyone ? null : who, p.sub(m.start(3)), false, false, ctx);
        }
        m = p.matcher(WHAT_TEXTED);
        if (m.find() && People.looksLikePerson(m.group(1))) {
            return list(false, p.group(m, 1), p.sub(m.end()), false, false, ctx);
        }
        m = p.matcher(MISSED_ANY);
        if (m.find()) {
            return list(true, null, p.sub(m.start(1)), false, true, ctx);
        }
        m = p.matcher(WHO_CALLED);
        if (m.find()) {
            boolean calls = m.group(1).matches("called|rang|phoned");
            return list(calls, null, p.sub(m.start(2)), false, false, ctx);
        }
        if (!p.matcher(LIST_START).find()) {
            return null;
        }
        boolean texts = p.matcher(TEXTS).find();
        boolean calls = p.matcher(CALLS).find() || p.lower.matches(".*\\bmissed\\b.*");
        if (texts == calls) {
            return null;
        }
        Phrase rest = p;
        String from = null;
        Matcher f = rest.matcher(FROM);
        if (f.find() && !TimeGrammar.parse(new Phrase(f.group(1)), ctx, true).hasAnything()) {
            from = rest.group(f, 1);
            rest = rest.cut(f);
        }
        return list(calls, from, rest, texts && rest.matcher(UNREAD).find(),
                calls && rest.matcher(MISSED).find(), ctx);
    }

    private Interpretation list(boolean calls, String from, Phrase rest, boolean unreadOnly, boolean missedOnly,
            Context ctx) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (from != null && !from.isBlank()) {
            params.put("from", People.recipient(from, People.Channel.PHONE, ctx));
        }
        When when = TimeGrammar.parse(rest, ctx, true);
        ZonedDateTime[] window = when.window();
        if (window != null && window[0] != null) {
            params.put("since", When.iso(window[0]));
        }
        if (unreadOnly) {
            params.put("unreadOnly", true);
        }
        if (missedOnly) {
            params.put("missedOnly", true);
        }
        return Interpretation.of(new Intent(calls ? "call.list" : "sms.list", params));
    }
}
