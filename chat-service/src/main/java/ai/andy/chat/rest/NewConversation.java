package ai.andy.chat.rest;

import jakarta.validation.constraints.Size;

/** {@code POST /api/chat/conversations}: an optional title (else the start of the first message). */
public record NewConversation(@Size(max = 200, message = "must be at most 200 characters") String title) {
}
