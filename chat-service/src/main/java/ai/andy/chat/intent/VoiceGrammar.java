package ai.andy.chat.intent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code voice.speak}: "say hello in my voice", "speak \"happy birthday\"", "in my voice say good morning". No
 * {@code voiceId} means the person's own voice (their clone where they have one); "in my voice" just confirms it.
 */
final class VoiceGrammar implements Grammar {

    private static final Pattern SAY = Pattern.compile(
            "^(?:say|speak|announce|read (?:out loud|aloud|out)|read (?:this|the following|these words)(?: (?:out loud|aloud|out))?)"
                    + "\\b\\s*(.*)$");
    /** "this", "the following text", "out loud" around the words to say, and the colon before them. */
    private static final Pattern FRAME = Pattern.compile(
            "^(?:(?:this|the following|these words|the words|this text|this message|the text|this sentence)"
                    + "(?:\\s+(?:text|words|message|sentence))?\\s*)?(?:(?:out loud|aloud|out)\\s*)?(?::\\s*|-\\s+)");
    private static final Pattern SAY_TO = Pattern.compile("^(hi|hello|hey|happy birthday|congrats|congratulations|thanks|"
            + "thank you|good morning|good night|goodnight)\\s+to\\s+(?:my\\s+)?(\\S+(?:\\s+\\S+)?)$");
    private static final Pattern LOUD_END = Pattern.compile("\\s*,?\\s*\\b(?:out loud|aloud|for me)$");
    private static final Pattern IN_MY_VOICE_FIRST = Pattern.compile("^(?:in|with|using) my (?:own )?voice,?\\s+(?:say|speak)\\b\\s*(.*)$");
    private static final Pattern IN_MY_VOICE = Pattern.compile("\\s*,?\\s*\\b(?:in|with|using) my (?:own )?voice\\b");

    @Override
    public Interpretation parse(Command command, Context ctx) {
        Phrase p = command.phrase();
        Matcher m = p.matcher(IN_MY_VOICE_FIRST);
        if (!m.find()) {
            m = p.matcher(SAY);
            if (!m.find()) {
                return null;
            }
            // "read out" only speaks a quoted text or one after a colon: "read out my emails" is for email.
            if (p.lower.startsWith("read") && command.quoted() == null && !p.lower.contains(":")) {
                return null;
            }
        }
        Phrase rest = p.sub(m.start(1));
        Matcher to = rest.matcher(SAY_TO);
        if (command.quoted() == null && to.find() && !ctx.people().find(People.clean(to.group(2))).isEmpty()) {
            // "say hi to Bob" is a message for Bob, not words to speak here.
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("to", People.recipient(rest.group(to, 2), People.Channel.PHONE, ctx));
            params.put("body", Words.capitalize(rest.group(to, 1)));
            return Interpretation.of(new Intent("sms.send", params));
        }
        Matcher voice = rest.matcher(IN_MY_VOICE);
        if (voice.find()) {
            rest = rest.cut(voice);
        }
        Matcher frame = rest.tidy().matcher(FRAME);
        if (frame.find()) {
            rest = rest.tidy().sub(frame.end());
        }
        Matcher loud = rest.tidy().matcher(LOUD_END);
        if (loud.find()) {
            rest = rest.tidy().sub(0, loud.start());
        }
        String text = command.quoted() != null ? command.quoted() : rest.tidy().text;
        if (text.isBlank()) {
            throw new Clarify("What should I say?");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("text", text);
        return Interpretation.of(new Intent("voice.speak", params));
    }
}
