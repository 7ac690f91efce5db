package ai.andy.chat.intent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the engine made of one chat turn: either intents, or one clarifying question (and no intents), or, when it did
 * not understand at all, a {@code help} sentence saying what Andy can do (and no intents).
 */
public record Interpretation(List<Intent> intents, String clarification, String help) {

    public Interpretation {
        intents = List.copyOf(intents == null ? List.of() : intents);
    }

    public static Interpretation of(Intent intent) {
        return new Interpretation(List.of(intent), null, null);
    }

    /** Several intents from one message ("cancel my 3pm and tell Bob I'm sick"), to be carried out in this order. */
    public static Interpretation of(List<Intent> intents) {
        return new Interpretation(intents, null, null);
    }

    public static Interpretation ask(String question) {
        return new Interpretation(List.of(), question, null);
    }

    public static Interpretation help(String help) {
        return new Interpretation(List.of(), null, help);
    }

    public boolean asks() {
        return clarification != null;
    }

    public boolean understood() {
        return help == null;
    }

    /** The interpret answer: {@code {"intents":[...], "clarification": null}} (plus {@code help} when not understood). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        List<Map<String, Object>> list = new ArrayList<>();
        intents.forEach(i -> list.add(i.toMap()));
        map.put("intents", list);
        map.put("clarification", clarification);
        if (help != null) {
            map.put("help", help);
        }
        return map;
    }
}
