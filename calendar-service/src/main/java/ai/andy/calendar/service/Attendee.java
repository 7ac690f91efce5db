package ai.andy.calendar.service;

/** A person invited to an event, as named: a name, an email address, or both. */
public record Attendee(String name, String address) {
}
