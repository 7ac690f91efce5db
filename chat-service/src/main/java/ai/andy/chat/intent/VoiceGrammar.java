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

    private static final Pattern SAY = Pattern.compile("^(?:say|speak|announce|read (?:out|aloud)|read this out)\\b\\s*(.*)$");
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
            // "read out" only speaks a quoted text: "read out my emails" is for the email grammar.
            if (p.lower.startsWith("read") && command.quoted() == null) {
                return null;
            }
        }
        Phrase rest = p.sub(m.start(1));
        Matcher voice = rest.matcher(IN_MY_VOICE);
        if (voice.find()) {
            rest = rest.cut(voice);
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
