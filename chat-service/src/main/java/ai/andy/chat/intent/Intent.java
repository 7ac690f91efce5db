package ai.andy.chat.intent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One intent from the table in ARCHITECTURE.md: {@code name} such as {@code calendar.create}, and its params. */
public record Intent(String name, Map<String, Object> params) {

    public Intent {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
    }

    /** The interpret format: {@code {"intent": ..., "params": {...}}}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("intent", name);
        map.put("params", params);
        return map;
    }
}
