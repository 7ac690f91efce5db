package ai.andy.auth.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a person gives to open an account. */
public record SignupRequest(
        @NotBlank(message = "enter your email address") @Email(message = "this is not an email address")
        @Size(max = 320, message = "at most 320 characters") String email,
        @NotBlank(message = "choose a password") String password,
        @NotBlank(message = "tell Andy what to call you") @Size(max = 100, message = "at most 100 characters")
        String displayName,
        @NotBlank(message = "choose your time zone, e.g. Europe/Paris") String timezone) {
}
