package ai.andy.email.api;

/** Someone a person has exchanged mail with: {@code messages} counts the messages they appear in. */
public record Correspondent(String name, String address, long messages) {
}
