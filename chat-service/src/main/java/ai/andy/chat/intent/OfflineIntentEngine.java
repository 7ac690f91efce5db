package ai.andy.chat.intent;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline intent engine: with no language model configured, everyday English commands become the same intents
 * the model would produce (ARCHITECTURE.md, "Intents"), deterministically. It never guesses: a command missing
 * something it must not make up gets one clarifying question, and a command it does not understand gets a sentence
 * saying what it can do.
 *
 * <p>Each intent family has its own small grammar, tried in an order where the earlier one owns the ambiguous verbs:
 * voice ("say ..."), texts and calls ("text", "call"), tasks ("remind me", "mark ... as done"), email, calendar.
 * Plain Java, no framework, so it is cheap to test and to run on every chat turn.
 */
public final class OfflineIntentEngine {

    public static final String HELP = "I can help with your email (show, read, send, reply, mark as read, archive), "
            + "your calendar (show, schedule, move, cancel, find a free slot), tasks and reminders, texts and calls, "
            + "and saying something in your voice. Try \"what's on my calendar tomorrow\", \"remind me to buy milk "
            + "tomorrow\" or \"text Bob that I'm late\".";

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    /** 'on my way': single quotes around a whole message, apostrophes inside it allowed ("'I'm at the station'"). */
    private static final Pattern SINGLE_QUOTED = Pattern.compile("(?<=^|\\s)'(\\S(?:.*\\S)?)'(?=$|[\\s.,!?;])");
    /** Misspelt command words, fixed before any grammar reads them. */
    private static final Map<Pattern, String> TYPOS = Map.of(
            Pattern.compile("(?i)^(?:emial|emal|eamil|emali|emaill|e-mial)\\b"), "email",
            Pattern.compile("(?i)^(?:txt|tex|tetx|txet)\\b"), "text",
            Pattern.compile("(?i)\\b(?:unred|unraed|unead)\\b"), "unread",
            Pattern.compile("(?i)\\b(?:emials|emals|eamils)\\b"), "emails",
            Pattern.compile("(?i)\\b(?:tmrw|tmrow|tmr|tmw|2moro|2morrow|tomorow|tommorow|tommorrow)\\b"), "tomorrow",
            Pattern.compile("(?i)\\b(?:calender|calandar)\\b"), "calendar");
    private static final Pattern POLITE = Pattern.compile(
            "^(?:(?:hey|hi|hello|ok|okay|so|um|uh|yo|hiya|right|alright)[,\\s]+)?(?:andy[,:!]?\\s+)?"
                    + "(?:(?:please|kindly|can you|could you|would you|will you|can u|pls|plz|go ahead and|can we|could we|"
                    + "i want you to|i'd like you to|i would like you to|i need you to)[,\\s]+)*",
            Pattern.CASE_INSENSITIVE);
    // Only "please": "thanks" or "for me" at the end may be part of a message ("reply saying thanks").
    private static final Pattern POLITE_END = Pattern.compile(
            "(?:[,\\s]+(?:please|pls|plz))+\\s*$", Pattern.CASE_INSENSITIVE);

    private final List<Grammar> grammars = List.of(new VoiceGrammar(), new PhoneLogGrammar(),
            new MessagingGrammar(), new TaskGrammar(),
            new EmailGrammar(), new CalendarGrammar());
    private final String defaultRegion;

    /** Phone numbers without a country code are read as US numbers. */
    public OfflineIntentEngine() {
        this("US");
    }

    /** @param defaultRegion ISO 3166 region for numbers typed without a country code, e.g. from the person's settings */
    public OfflineIntentEngine(String defaultRegion) {
        this.defaultRegion = defaultRegion == null ? "US" : defaultRegion;
    }

    /**
     * @param text   what the person typed or said
     * @param now    the person's current time, in their zone: every date and time is resolved in that zone
     * @param people the people they have exchanged mail with, to resolve names
     */
    public Interpretation interpret(String text, ZonedDateTime now, PeopleDirectory people) {
        return interpret(text, now, people, defaultRegion);
    }

    public Interpretation interpret(String text, ZonedDateTime now, PeopleDirectory people, String region) {
        Objects.requireNonNull(now, "now");
        if (text == null || text.isBlank()) {
            return Interpretation.help(HELP);
        }
        Context ctx = new Context(now, people == null ? PeopleDirectory.EMPTY : people,
                region == null ? defaultRegion : region);
        return new Clauses(t -> one(t, ctx)).interpret(text);
    }

    /** One command, one intent (or a question, or help). */
    private Interpretation one(String text, Context ctx) {
        Command command = prepare(text);
        if (command.phrase().isBlank() && command.quoted() == null) {
            return Interpretation.help(HELP);
        }
        try {
            for (Grammar grammar : grammars) {
                Interpretation found = grammar.parse(command, ctx);
                if (found != null) {
                    return found;
                }
            }
        } catch (Clarify question) {
            return Interpretation.ask(question.getMessage());
        }
        return Interpretation.help(HELP);
    }

    /** Typographic quotes made plain, the quoted message set aside, greetings and "please" dropped. */
    static Command prepare(String text) {
        String t = text.replace('\u201C', '"').replace('\u201D', '"').replace('\u201E', '"')
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u00A0', ' ').trim();
        String quoted = null;
        Matcher q = QUOTED.matcher(t);
        if (q.find()) {
            quoted = q.group(1).trim();
            t = t.substring(0, q.start()) + " " + t.substring(q.end());
        } else if ((q = SINGLE_QUOTED.matcher(t)).find()) {
            quoted = q.group(1).trim();
            t = t.substring(0, q.start()) + " " + t.substring(q.end());
        }
        t = t.replaceAll("(?i)\\bw/\\s*", "with ").replaceAll("(?i)\\bto do (list|items?)\\b", "to-do $1").replaceAll("\\s+", " ").trim();
        t = t.replaceAll("[.!?]+$", "").trim();
        t = POLITE.matcher(t).replaceFirst("");
        for (Map.Entry<Pattern, String> typo : TYPOS.entrySet()) {
            t = typo.getKey().matcher(t).replaceAll(typo.getValue());
        }
        t = POLITE_END.matcher(t).replaceFirst("");
        t = t.replaceAll("[,;:]+$", "").trim();
        return new Command(new Phrase(t), quoted == null || quoted.isEmpty() ? null : quoted);
    }
}
