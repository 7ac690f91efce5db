package ai.andy.email.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A reply to a message, to its sender (and, with {@code replyAll}, to everyone else it went to). */
public record ReplyRequest(
        @NotBlank(message = "must not be empty") @Size(max = 1_000_000, message = "must be at most 1,000,000 characters") String body,
        Boolean replyAll) {
}
