package ai.andy.chat.intent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code sms.send} and {@code call.place}: "text Bob that I'm late", "text mom \"call me\"", "send a text to
 * +1 555 123 4567 saying hi", "call +44 20 7946 0958", "call mom about dinner", "give Bob a ring".
 *
 * <p>The recipient ends where the message starts: at a connector ("that", "saying", ":"), at a quote, or - with no
 * connector ("text Bob I'm late") - after the longest run of one to three words the person's directory knows, else
 * after the first word. Numbers are read with libphonenumber, so spaces, dashes and brackets in them are fine.
 */
final class MessagingGrammar implements Grammar {

    private static final Pattern SMS = Pattern.compile(
            "^(?:text message|sms message|text|sms|msg|message|send\\s+(?:an?\\s+)?(?:text|sms|message)(?:\\s+message)?\\s+to|send\\s+(?:an?\\s+)?text\\s+message\\s+to)\\b\\s*");
    private static final Pattern SEND_X_A_TEXT = Pattern.compile(
            "^send\\s+(.+?)\\s+an?\\s+(?:quick\\s+)?(?:text message|sms message|text|sms|message)\\b\\s*");
    /** "tell Bob I'm sick", "let Bob know I'm late": a text (not "tell me a joke"). */
    private static final Pattern TELL = Pattern.compile(
            "^(?:tell|let)\\s+(?!(?:me|us|you|him|her|them|it)\\b)(.+?)(?:\\s+know)?(?:\\s+that|\\s*:)?\\s+(.+)$");
    /** "let Bob know by text I'm late"; "let Marcus know by email that ..." is an email. */
    private static final Pattern TELL_KNOW = Pattern.compile(
            "^let\\s+(.+?)\\s+know\\s+(?:(?:by|via|over|in an?|with an?)\\s+(text|sms|message|e-?mail|mail)\\s+)?(?:that\\s+)?(.+)$");
    private static final Pattern BODY_CONNECTOR = Pattern.compile(
            "(?:\\s+|^)(?:that says|that|saying|to say|and say|and tell (?:him|her|them)(?: that)?)\\s+|\\s*:\\s*");
    private static final Pattern CALL = Pattern.compile("^(?:call|phone|ring|dial|ring up|video call)(?:\\s+(?!off\\b)(.*))?$");
    private static final Pattern GIVE_A_CALL = Pattern.compile("^give\\s+(.+?)\\s+a\\s+(?:call|ring|buzz)\\b\\s*(.*)$");
    private static final Pattern PURPOSE = Pattern.compile(
            "\\s+(?:about|regarding|re|to|and (?:tell|ask) (?:him|her|them)(?: to| if| whether| that| about)?)\\s+");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\+?\\(?\\d[\\d\\s().-]{5,}\\d");

    @Override
    public Interpretation parse(Command command, Context ctx) {
        Phrase p = command.phrase();
        Matcher m = p.matcher(SEND_X_A_TEXT);
        if (m.find()) {
            return sms(p.group(m, 1), p.sub(m.end()), command, ctx);
        }
        m = p.matcher(TELL_KNOW);
        if (m.find() && !m.group(1).matches("(?:me|us)")) {
            if (m.group(2) != null && m.group(2).matches("e-?mail|mail")) {
                Phrase email = new Phrase("email " + p.group(m, 1) + " that " + p.group(m, 3));
                return new EmailGrammar().parse(new Command(email, command.quoted()), ctx);
            }
            return sms(p.group(m, 1), p.sub(m.start(3)), command, ctx);
        }
        m = p.matcher(TELL);
        if (m.find() && p.lower.startsWith("tell")) {
            return smsRest(p.sub(m.start(1)), command, ctx);
        }
        m = p.matcher(SMS);
        if (m.find()) {
            return smsRest(p.sub(m.end()), command, ctx);
        }
        m = p.matcher(GIVE_A_CALL);
        if (m.find()) {
            return call(p.group(m, 1), p.sub(m.start(2)), ctx);
        }
        m = p.matcher(CALL);
        if (m.find()) {
            if (m.group(1) == null || m.group(1).isBlank()) {
                throw new Clarify("Who should I call?");
            }
            return callRest(p.sub(m.start(1)), ctx);
        }
        return null;
    }

    private Interpretation smsRest(Phrase rest, Command command, Context ctx) {
        rest = rest.tidy();
        if (rest.isBlank()) {
            throw new Clarify("Who should I text?");
        }
        Matcher c = rest.matcher(BODY_CONNECTOR);
        if (c.find() && c.start() > 0) {
            return sms(rest.text.substring(0, c.start()), rest.sub(c.end()), command, ctx);
        }
        Matcher number = rest.matcher(LEADING_NUMBER);
        if (number.find()) {
            return sms(number.group(), rest.sub(number.end()), command, ctx);
        }
        String[] words = rest.text.split("\\s+");
        int take = words[0].equalsIgnoreCase("my") && words.length > 1 ? 2 : 1;
        for (int n = Math.min(3, words.length); n >= 1; n--) {
            String candidate = String.join(" ", java.util.Arrays.copyOfRange(words, 0, n));
            if (People.looksLikePerson(candidate) && !ctx.people().find(People.clean(candidate)).isEmpty()) {
                take = n;
                break;
            }
        }
        String who = String.join(" ", java.util.Arrays.copyOfRange(words, 0, take));
        String body = String.join(" ", java.util.Arrays.copyOfRange(words, take, words.length));
        if (body.matches("(?i)^(?:and|&|,)\\s*\\S.*") && words.length > take + 1
                && People.looksLikePerson(words[take + 1]) && !ctx.people().find(People.clean(words[take + 1])).isEmpty()) {
            // "text Jean and Bob the meeting is off": two people, and a text goes to one.
            throw new Clarify("I can text one person at a time. Who should get this text?");
        }
        return sms(who, new Phrase(body), command, ctx);
    }

    private Interpretation sms(String who, Phrase bodyPhrase, Command command, Context ctx) {
        oneRecipient(who, "I can text one person at a time. Who should get this text?", ctx);
        When whoWhen = TimeGrammar.parse(new Phrase(who), ctx, false);
        if (whoWhen.hasAnything()) {
            // Texts go now; there is no scheduled text in the contract.
            throw new Clarify("I can only send a text right now. Should I text "
                    + Words.name(People.clean(whoWhen.rest.text)) + " now?");
        }
        Object to = People.recipient(who, People.Channel.PHONE, ctx);
        String body = command.quoted();
        if (body == null) {
            String trailing = bodyPhrase.tidy().text.replaceFirst(
                    "(?i)^(?:that says|that|saying|to say|and say)\\s+|^:\\s*", "");
            body = trailing.isBlank() ? null : Words.capitalize(trailing);
        }
        if (body == null || body.isBlank()) {
            throw new Clarify("What should the text to " + People.display(to) + " say?");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("to", to);
        params.put("body", body);
        return Interpretation.of(new Intent("sms.send", params));
    }

    /** sms.send and call.place have one {@code to}: "text mom and Bob" is asked about, not half done. */
    private static void oneRecipient(String who, String question, Context ctx) {
        if (who.matches("(?i).*(?:\\s(?:and|&)\\s|,).*") && ctx.people().find(People.clean(who)).isEmpty()) {
            throw new Clarify(question);
        }
    }

    private Interpretation callRest(Phrase rest, Context ctx) {
        Matcher number = rest.matcher(LEADING_NUMBER);
        if (number.find()) {
            return call(number.group(), rest.sub(number.end()), ctx);
        }
        Matcher purpose = rest.matcher(PURPOSE);
        if (purpose.find()) {
            return call(rest.text.substring(0, purpose.start()), rest.sub(purpose.start()), ctx);
        }
        return call(rest.text, new Phrase(""), ctx);
    }

    private Interpretation call(String who, Phrase tail, Context ctx) {
        who = who.replaceFirst("(?i)\\s+(?:for me|now|right now|please|back)$", "");
        // Only the words naming the person are read for a time: the purpose may mention one ("about tomorrow").
        When whoWhen = TimeGrammar.parse(new Phrase(who), ctx, false);
        if (whoWhen.hasAnything()) {
            // A call is placed now; a later call is a reminder, and guessing which was meant would be wrong.
            String name = whoWhen.rest.text;
            throw new Clarify("I can only place a call right now. Should I call " + Words.name(People.clean(name))
                    + " now? To be reminded later, say \"remind me to call " + name + "\" with the time.");
        }
        if (who.isBlank()) {
            throw new Clarify("Who should I call?");
        }
        oneRecipient(who, "I can call one person at a time. Who should I call?", ctx);
        Object to = People.recipient(who, People.Channel.PHONE, ctx);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("to", to);
        String purpose = tail.tidy().text.replaceFirst(
                "(?i)^(?:about|regarding|re|to|and)\\s+",
                "");
        if (!purpose.isBlank()) {
            params.put("purpose", Words.capitalize(purpose));
        }
        return Interpretation.of(new Intent("call.place", params));
    }
}
