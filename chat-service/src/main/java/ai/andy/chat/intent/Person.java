package ai.andy.chat.intent;

/** Someone the person has exchanged mail with: a display name and whatever address and phone number are known. */
public record Person(String name, String email, String phone) {
}
