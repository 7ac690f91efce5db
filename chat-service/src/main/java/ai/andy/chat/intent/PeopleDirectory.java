package ai.andy.chat.intent;

import java.util.List;

/**
 * Resolves a name as the person said it ("Sarah", "mom", "Sarah Chen") to the people they have exchanged mail with.
 * The engine keeps a name it cannot resolve (0 matches), uses the one match, and asks which one when there are several.
 */
public interface PeopleDirectory {

    PeopleDirectory EMPTY = name -> List.of();

    List<Person> find(String name);
}
