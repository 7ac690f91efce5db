package ai.andy.email.provider;

import java.util.List;

/** A change to one message; null fields and empty lists mean "leave as it is". */
public record MessageChange(Boolean unread, Boolean archived, List<String> addLabels, List<String> removeLabels) {

    public MessageChange {
        addLabels = addLabels == null ? List.of() : List.copyOf(addLabels);
        removeLabels = removeLabels == null ? List.of() : List.copyOf(removeLabels);
    }
}
