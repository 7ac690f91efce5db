package ai.andy.chat.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/chat/conversations/{id}/messages}: what the person says. */
public record NewMessage(
        @NotBlank(message = "must not be empty") @Size(max = 4000, message = "must be at most 4000 characters") String text) {
}
