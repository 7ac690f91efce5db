package ai.andy.telephony.rest;

/** {@code POST /api/telephony/sms}: {@code to} in E.164 (or national form in the configured region). */
public record SendTextRequest(String to, String body) {
}
