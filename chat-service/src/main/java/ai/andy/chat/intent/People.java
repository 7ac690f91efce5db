package ai.andy.chat.intent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * People as the person named them. A typed address or number is used as typed (numbers normalised to E.164); a name
 * is looked up among the people they have exchanged mail with: no match keeps just the name (the owning service or
 * the confirmation step deals with it), one match adds its address or number, several make Andy ask which.
 */
final class People {

    enum Channel { EMAIL, PHONE }

    static final Pattern EMAIL = Pattern.compile("[\\w.+'-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}'.-]*(?:\\s+[\\p{L}][\\p{L}'.-]*){0,2}");
    private static final Pattern POSSESSIVE = Pattern.compile("(?i)'s?$");
    private static final Pattern MY = Pattern.compile("(?i)^(?:my|our)\\s+");
    private static final Pattern NOT_PEOPLE = Pattern.compile(
            "(?i)^(?:me|myself|him|her|them|it|everyone|everybody|someone|somebody|the|a|an|my)$");

    private People() {
    }

    /** Whether {@code raw} can stand for one person: an address, a number, or one to three words of a name. */
    static boolean looksLikePerson(String raw) {
        String s = clean(raw);
        return !s.isEmpty() && (EMAIL.matcher(s).matches() || PhoneNumbers.LOOKS_LIKE_NUMBER.matcher(s).matches()
                || NAME.matcher(s).matches() && !NOT_PEOPLE.matcher(s).matches());
    }

    /** A recipient or attendee as a param: a typed address/number as a string, a name as {name, address|phone}. */
    static Object recipient(String raw, Channel channel, Context ctx) {
        String s = clean(raw);
        if (EMAIL.matcher(s).matches()) {
            if (channel == Channel.PHONE) {
                throw new Clarify("What number should I use for " + s + "?");
            }
            return s;
        }
        if (s.chars().filter(Character::isDigit).count() >= 6 && PhoneNumbers.LOOKS_LIKE_NUMBER.matcher(s).matches()) {
            String e164 = PhoneNumbers.toE164(s, ctx.region()).orElseThrow(
                    () -> new Clarify("I couldn't read " + s + " as a phone number. What number should I use?"));
            if (channel == Channel.EMAIL) {
                throw new Clarify("What email address should I use for " + e164 + "?");
            }
            return e164;
        }
        if (!looksLikePerson(s)) {
            throw new Clarify("Who do you mean by \"" + raw.trim() + "\"?");
        }
        String display = Words.name(s);
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", display);
        Person match = one(s, display, channel, ctx);
        if (match != null) {
            if (channel == Channel.EMAIL && match.email() != null) {
                person.put("address", match.email());
            } else if (channel == Channel.PHONE && match.phone() != null) {
                PhoneNumbers.toE164(match.phone(), ctx.region()).ifPresent(n -> person.put("phone", n));
            }
        }
        return person;
    }

    /** A sender filter for email: the resolved address when the name is known, else the name as said. */
    static String sender(String raw, Context ctx) {
        Object r = recipient(raw, Channel.EMAIL, ctx);
        if (r instanceof Map<?, ?> m) {
            Object address = m.get("address");
            return address != null ? address.toString() : m.get("name").toString();
        }
        return r.toString();
    }

    /** The spoken name of a recipient param, for questions ("What should the text to Bob say?"). */
    static String display(Object recipient) {
        return recipient instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : String.valueOf(recipient);
    }

    static String clean(String raw) {
        String s = raw.trim().replaceAll("[?!.,;:]+$", "").trim();
        s = MY.matcher(s).replaceFirst("");
        return POSSESSIVE.matcher(s).replaceFirst("").trim();
    }

    /** The first name all these people share, or "" when they do not. */
    private static String firstName(List<Person> people) {
        String first = null;
        for (Person p : people) {
            String f = p.name().trim().split("\\s+")[0];
            if (first != null && !first.equalsIgnoreCase(f)) {
                return "";
            }
            first = f;
        }
        return first == null ? "" : first;
    }

    private static Person one(String name, String display, Channel channel, Context ctx) {
        List<Person> found = ctx.people() == null ? List.of() : ctx.people().find(name);
        if (found == null || found.isEmpty()) {
            return null;
        }
        List<Person> reachable = new ArrayList<>();
        for (Person p : found) {
            if (channel == Channel.EMAIL ? p.email() != null : p.phone() != null) {
                reachable.add(p);
            }
        }
        List<Person> candidates = reachable.isEmpty() ? found : reachable;
        if (candidates.size() == 1 && (found.size() == 1 || !name.trim().equalsIgnoreCase(firstName(found)))) {
            return candidates.get(0);
        }
        if (candidates.size() < found.size()) {
            // "call Sarah" with two Sarahs, one without a number: the person may mean the other one.
            List<String> names = new ArrayList<>();
            for (Person p : found) {
                names.add(p.name());
            }
            throw new Clarify("Which " + display + ": " + Words.orList(names) + "?");
        }
        List<String> options = new ArrayList<>();
        for (Person p : candidates) {
            String contact = channel == Channel.EMAIL ? p.email()
                    : p.phone() == null ? null : PhoneNumbers.toE164(p.phone(), ctx.region()).orElse(p.phone());
            options.add(contact != null ? contact : p.name());
        }
        throw new Clarify("Which " + display + ": " + Words.orList(options) + "?");
    }
}
