package ai.andy.email.provider;

/** A message body as the provider gave it: either part may be null. HTML is sanitized before a person sees it. */
public record MessageContent(String text, String html) {
}
