package ai.andy.chat.intent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Test directory: a name matches a person's full name or first name, case-insensitively ("sarah", "Sarah Chen"). */
final class InMemoryPeopleDirectory implements PeopleDirectory {

    private final List<Person> people;

    InMemoryPeopleDirectory(List<Person> people) {
        this.people = List.copyOf(people);
    }

    /** The people of the command table: two Sarahs, Bob, mom, Marcus (mail only), Priya (India), Jean (France). */
    static InMemoryPeopleDirectory standard() {
        return new InMemoryPeopleDirectory(List.of(
                new Person("Sarah Chen", "sarah.chen@example.com", "+1 415 555 0101"),
                new Person("Sarah O'Neil", "sarah.o@example.org", null),
                new Person("Bob Smith", "bob@example.com", "(555) 123-4567"),
                new Person("Mom", "mom@example.net", "212-555-0199"),
                new Person("Marcus Lee", "marcus@example.com", null),
                new Person("Priya Patel", "priya@example.in", "+91 98765 43210"),
                new Person("Jean Dupont", "jean@example.fr", "+33 6 12 34 56 78")));
    }

    @Override
    public List<Person> find(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        List<Person> found = new ArrayList<>();
        for (Person p : people) {
            String full = p.name().toLowerCase(Locale.ROOT);
            if (full.equals(wanted) || full.split("\\s+")[0].equals(wanted)) {
                found.add(p);
            }
        }
        return found;
    }
}
