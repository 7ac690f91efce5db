package ai.andy.chat.intent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * More than one request in a message: "cancel my 3pm and tell Bob I'm sick", "what's on my calendar tomorrow and do I
 * have any unread emails?". A message is cut at a clause boundary ("and", "then", a full stop) only where the words
 * after it start a command of their own and both sides are understood on their own; so "text Bob that milk and eggs
 * are needed" stays one text. After a message body ("text Bob I'm on my way and ...") only a verb addressed to Andy
 * starts a new request ("and call Mom"), and never one aimed at a pronoun ("and call me back" is part of the text).
 */
final class Clauses {

    private static final Pattern BOUNDARY = Pattern.compile(
            "(?i)\\s*(?:[,;]\\s*|\\s)(?:and\\s+(?:then\\s+|also\\s+)?|then\\s+|also\\s+|plus\\s+)(?=\\S)|\\s*[;.?!]\\s+(?:(?:and\\s+)?(?:then|also)\\s+)?");
    private static final String POLITE = "(?:(?:please|can you|could you|would you|will you|pls)\\s+)*";
    /** Verbs and questions addressed to Andy. */
    private static final Pattern COMMAND = Pattern.compile("(?i)^" + POLITE
            + "(?:(?:call|ring|phone|text|sms|message|email|e-mail|tell|remind|cancel|reschedule|move|schedule|book|"
            + "reply|respond|answer|mark|archive|read|show|list|check|find|search|create|add|set up|put|delete|"
            + "say|speak|send|write|forward|open|block|postpone|push|invite)\\b"
            + "|what(?:'s|s| is| are| do| did| does)?\\b|when\\b|who\\b|do i\\b|did i\\b|did \\w+ (?:call|text|email)|am i\\b"
            + "|have i\\b|is there\\b|are there\\b|any\\b|how many\\b|don't forget\\b)");
    /** After a message body, only these start a new request. */
    private static final Pattern AFTER_MESSAGE = Pattern.compile("(?i)^" + POLITE
            + "(?:(?:call|ring|phone|text|email|e-mail|remind me|cancel|reschedule|schedule|book|reply|respond|"
            + "mark|archive|show|list|add|put|invite|set up|say|read me)\\b|tell (?!(?:me|him|her|them|us|it)\\b)\\S"
            + "|what(?:'s|s| is| are| do| did)?\\b|do i\\b|am i\\b|is there\\b|are there\\b|any\\b)");
    /** After "remind me to text Bob", "and call Jean" may be the rest of the task: only these start a request. */
    private static final Pattern AFTER_TASK = Pattern.compile("(?i)^" + POLITE
            + "(?:(?:remind me|cancel|reschedule|schedule|book|reply|respond|mark|archive|show|list|read me|invite)\\b"
            + "|(?:add|put) (?!(?:it|them|this|that|some|more)\\b)\\S+(?:'s)? .*\\b(?:on|at|tomorrow|today|tonight|calendar)\\b"
            + "|what(?:'s|s| is| are| do| did)?\\b|do i\\b|am i\\b|is there\\b|are there\\b|any\\b)");
    /** "archive it", "cancel that one": the thing the first request named. */
    private static final Pattern IT = Pattern.compile(
            "(?i)^((?:archive|mark|reply to|read|open|cancel|move|reschedule|delete|forward)\\s+)(?:it|that|this|that one|this one)\\b(.*)$");
    private static final Pattern NEW_ONE = Pattern.compile("(?i)\\b(?:a new one|another one|a new appointment|a new meeting)\\b");
    /** "call me back", "text him later": part of the message, not a request. */
    private static final Pattern AT_PRONOUN = Pattern.compile(
            "(?i)^(?:call|ring|phone|text|email|e-mail|message|tell|write|send)\\s+(?:me|him|her|them|us|it)\\b");
    /** "reply saying thanks" after reading an email: the reply is to that email. */
    private static final Pattern BARE_REPLY = Pattern.compile(
            "(?i)^((?:reply|respond|answer|write back)(?:\\s+(?:to\\s+)?all)?)(?:\\s+to\\s+(?:it|him|her|them|that|this)\\b)?(.*)$");

    /** "... and my calendar for today": the second thing to show, its verb left out. */
    private static final Pattern ELLIPTIC = Pattern.compile("(?i)^(?:my|the)\\s+(?:calendar|schedule|agenda|tasks|to-?dos?|"
            + "to-?do list|texts|text messages|calls|missed calls|e-?mails|inbox|reminders)\\b");
    private static final Pattern PRONOUN = Pattern.compile("(?i)(?<=\\s)(?:him|her|them)\\b(?!')");

    private final Function<String, Interpretation> one;

    Clauses(Function<String, Interpretation> one) {
        this.one = one;
    }

    Interpretation interpret(String text) {
        Interpretation whole = one.apply(text);
        String masked = maskQuotes(text);
        Matcher b = BOUNDARY.matcher(masked);
        while (b.find()) {
            String left = text.substring(0, b.start());
            String right = text.substring(b.end());
            if (ELLIPTIC.matcher(right).find()) {
                right = "show " + right; // "show my unread emails and my calendar for today"
            }
            if (left.isBlank() || right.isBlank() || !COMMAND.matcher(right).find()) {
                continue;
            }
            Interpretation l = one.apply(left);
            if (!l.understood() || AT_PRONOUN.matcher(right).find() && (isMessage(l) || l.asks())) {
                continue;
            }
            if (isMessage(l) && !AFTER_MESSAGE.matcher(right).find()
                    || isTask(l) && !AFTER_TASK.matcher(right).find()) {
                continue;
            }
            Interpretation r = interpret(namePronouns(l, right));
            if (!r.understood()) {
                continue;
            }
            if (r.asks() && !l.asks()) {
                r = carryOver(l, right, r);
            }
            if (l.asks() || r.asks()) {
                // A part needs a question; if the whole reads as one request, it was one.
                return whole.understood() && !whole.asks() ? whole : l.asks() ? l : r;
            }
            List<Intent> all = new ArrayList<>(l.intents());
            all.addAll(r.intents());
            return Interpretation.of(all);
        }
        return whole;
    }

    /** "read me Bob's last email and reply saying thanks": the reply goes to the email just read. */
    private Interpretation carryOver(Interpretation left, String right, Interpretation asked) {
        Intent last = left.intents().get(left.intents().size() - 1);
        Matcher m = BARE_REPLY.matcher(right.trim());
        if (last.name().equals("email.read") && m.matches() && last.params().get("reference") != null) {
            Interpretation again = one.apply(m.group(1) + " to " + last.params().get("reference") + m.group(2));
            return again.understood() && !again.asks() ? again : asked;
        }
        return asked;
    }

    /** "text mom happy birthday and remind me to call her": "her" is Mom. */
    private static String namePronouns(Interpretation left, String right) {
        if (left.intents().isEmpty()) {
            return right;
        }
        Intent last = left.intents().get(left.intents().size() - 1);
        if (last.name().startsWith("email.")) {
            // "mark all emails from Bob as read and archive the ones from Priya": "the ones" are emails.
            right = right.replaceAll("(?i)\\b(?:the ones|those)\\s+(from|about)\\b", "the emails $1")
                    .replaceAll("(?i)\\bthe one\\s+(from|about)\\b", "the email $1");
        }
        Object to = last.params().get("to");
        if (to instanceof List<?> list) {
            to = list.size() == 1 ? list.get(0) : null;
        }
        Object reference = last.params().get("reference");
        if (reference != null) {
            Matcher it = IT.matcher(right.trim());
            if (it.matches()) {
                return it.group(1) + reference + it.group(2);
            }
            if (last.name().equals("calendar.cancel") && !"event".equals(reference)) {
                // "cancel my dentist appointment and book a new one for Monday at 9"
                return NEW_ONE.matcher(right).replaceAll(Matcher.quoteReplacement(reference.toString()));
            }
        }
        if (to == null || !last.name().matches("sms\\.send|call\\.place|email\\.send")) {
            return right;
        }
        String name = People.display(to);
        return PRONOUN.matcher(right).replaceAll(Matcher.quoteReplacement(name));
    }

    private static boolean isTask(Interpretation i) {
        return !i.intents().isEmpty() && i.intents().get(i.intents().size() - 1).name().equals("task.create");
    }

    private static boolean isMessage(Interpretation i) {
        return !i.intents().isEmpty() && i.intents().get(i.intents().size() - 1).name()
                .matches("sms\\.send|email\\.send|email\\.reply|voice\\.speak");
    }

    /** The text with quoted parts blanked out, same length: a boundary inside a quoted message is not one. */
    private static String maskQuotes(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inside = false;
        for (char c : text.toCharArray()) {
            boolean quote = c == '"' || c == '\u201C' || c == '\u201D';
            if (quote) {
                inside = !inside;
            }
            out.append(inside && !quote ? 'x' : c);
        }
        return out.toString();
    }
}
