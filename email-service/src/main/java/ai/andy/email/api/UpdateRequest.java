package ai.andy.email.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Changes to a message; absent fields stay as they are. */
public record UpdateRequest(Boolean unread, Boolean archived,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> addLabels,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> removeLabels) {
}
