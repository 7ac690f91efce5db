package ai.andy.chat.assistant.llm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ai.andy.chat.assistant.Progress;
import ai.andy.chat.intent.PeopleDirectory;
import ai.andy.chat.intent.Person;
import ai.andy.chat.intent.PhoneNumbers;
import ai.andy.events.intent.IntentSpec;
import ai.andy.events.intent.Intents;
import dev.langchain4j.agent.tool.ToolSpecification;

/**
 * The intents of the registry in {@code libs/andy-events} ({@link Intents#ALL}) as the model's tools, in its fixed
 * order, with its descriptions and the params schemas generated from its records: they are part of the cached prompt
 * prefix, and the same for every person and call. On the wire a tool is named with {@code _} for {@code .}
 * ({@code email_list}), as OpenAI only accepts {@code ^[a-zA-Z0-9_-]+$}; params keep the records' names.
 */
final class IntentTools {

    /** One intent as a tool: its name in the registry, its name on the wire, its spec, what the person sees meanwhile. */
    record Tool(String intent, String wireName, ToolSpecification spec, String progress) {
    }

    private static final Pattern EMAIL = Pattern.compile("[\\w.+'-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern NUMBER = Pattern.compile("\\+?\\(?\\d[\\d\\s().-]{5,}\\d");

    static final List<Tool> ALL = fromRegistry();

    private static final Map<String, Tool> BY_WIRE_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Tool::wireName, Function.identity()));
    private static final Map<String, Tool> BY_INTENT = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Tool::intent, Function.identity()));
    static final List<ToolSpecification> SPECIFICATIONS = ALL.stream().map(Tool::spec).toList();

    private IntentTools() {
    }

    /** The tool a model named; the dotted intent name is accepted too, from servers that allow it. */
    static Optional<Tool> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Tool tool = BY_WIRE_NAME.get(name.trim());
        return Optional.ofNullable(tool != null ? tool : BY_INTENT.get(name.trim()));
    }

    /**
     * The model's arguments as the intent's params: no nulls or blanks, lists where the table has lists, and people
     * as the offline engine gives them (a typed address or number as a string; a name as {@code {name}} plus the
     * address or number when exactly one person they have mailed matches).
     */
    static Map<String, Object> params(Tool tool, Map<String, Object> arguments, PeopleDirectory people) {
        Map<String, Object> params = clean(arguments);
        // Only what the tool declares: a parameter the person is never shown (a bcc, another account) must not ride
        // along into an action they confirm.
        params.keySet().retainAll(tool.spec().parameters().properties().keySet());
        switch (tool.intent()) {
            case "email.send" -> {
                recipients(params, "to", false, people);
                recipients(params, "cc", false, people);
            }
            case "calendar.create", "calendar.findSlot" -> recipients(params, "attendees", false, people);
            case "sms.send", "call.place" -> {
                Object to = params.get("to");
                if (to instanceof Collection<?> c && c.size() == 1) {
                    to = c.iterator().next();
                }
                if (to != null && !(to instanceof Collection<?>)) {
                    params.put("to", person(to, true, people));
                }
            }
            default -> {
            }
        }
        for (String list : List.of("messageIds", "addLabels", "removeLabels")) {
            if (params.get(list) instanceof String s) {
                params.put(list, List.of(s));
            }
        }
        return params;
    }

    private static void recipients(Map<String, Object> params, String key, boolean phone, PeopleDirectory people) {
        Object value = params.get(key);
        if (value == null) {
            return;
        }
        Collection<?> given = value instanceof Collection<?> c ? c : List.of(value);
        List<Object> resolved = new ArrayList<>();
        for (Object one : given) {
            if (one != null && !(one instanceof String s && s.isBlank())) {
                resolved.add(person(one, phone, people));
            }
        }
        params.put(key, resolved);
    }

    private static Object person(Object given, boolean phone, PeopleDirectory people) {
        if (!(given instanceof String raw)) {
            return given; // already {name, address}: as the model gave it
        }
        String s = raw.trim();
        if (EMAIL.matcher(s).matches()) {
            return s;
        }
        if (NUMBER.matcher(s).matches()) {
            return PhoneNumbers.toE164(s, "US").orElse(s);
        }
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", s);
        List<Person> found;
        try {
            found = people == null ? List.of() : people.find(s);
        } catch (RuntimeException e) {
            found = List.of(); // the directory is a convenience: the confirmation step shows what was understood
        }
        List<Person> reachable = found == null ? List.of()
                : found.stream().filter(p -> phone ? p.phone() != null : p.email() != null).toList();
        if (reachable.size() == 1) {
            Person match = reachable.get(0);
            if (phone) {
                person.put("phone", PhoneNumbers.toE164(match.phone(), "US").orElse(match.phone()));
            } else {
                person.put("address", match.email());
            }
        }
        return person;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> clean(Map<String, Object> arguments) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (arguments == null) {
            return params;
        }
        arguments.forEach((key, value) -> {
            if (value == null || value instanceof String s && s.isBlank()) {
                return;
            }
            params.put(key, value instanceof Map<?, ?> m ? clean((Map<String, Object>) m) : value);
        });
        return params;
    }

    /** Every registered intent as a tool, built afresh (the same bytes every time). */
    static List<Tool> fromRegistry() {
        return Intents.ALL.stream().map(IntentTools::tool).toList();
    }

    private static Tool tool(IntentSpec<?, ?> spec) {
        String wireName = spec.name().replace('.', '_');
        return new Tool(spec.name(), wireName, ToolSpecification.builder().name(wireName)
                .description(spec.description()).parameters(ToolSchemas.parameters(spec)).build(),
                Progress.of(spec.name()));
    }
}
