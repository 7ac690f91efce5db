package ai.andy.telephony.rest;

/** {@code POST /api/telephony/calls}: whom to call and what Andy should say it is about. */
public record PlaceCallRequest(String to, String purpose) {
}
