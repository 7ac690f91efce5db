package ai.andy.email.api;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new message. {@code account} is the id or address of one of the person's mailboxes; without it Andy uses their
 * connected account, or the local mailbox when they have none. Addresses are plain ({@code ada@example.org}).
 */
public record SendRequest(
        String account,
        @Size(max = 100, message = "at most 100 recipients") List<@NotBlank @Email(regexp = ADDRESS, message = "is not an email address") String> to,
        @Size(max = 100, message = "at most 100 recipients") List<@NotBlank @Email(regexp = ADDRESS, message = "is not an email address") String> cc,
        @Size(max = 100, message = "at most 100 recipients") List<@NotBlank @Email(regexp = ADDRESS, message = "is not an email address") String> bcc,
        @Size(max = 998, message = "must be at most 998 characters") String subject,
        @NotBlank(message = "must not be empty") @Size(max = 1_000_000, message = "must be at most 1,000,000 characters") String body) {

    /** A dot in the domain: "bob@localhost" is legal mail syntax but never what a person meant here. */
    static final String ADDRESS = "^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$";

    public List<String> toOrEmpty() {
        return to == null ? List.of() : to;
    }

    public List<String> ccOrEmpty() {
        return cc == null ? List.of() : cc;
    }

    public List<String> bccOrEmpty() {
        return bcc == null ? List.of() : bcc;
    }
}
