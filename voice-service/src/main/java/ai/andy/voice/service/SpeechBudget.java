package ai.andy.voice.service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.runtime.problem.ProblemException;
import ai.andy.voice.config.VoiceConfig;
import ai.andy.voice.repository.BudgetRepository;

/** Each person's daily character budget (UTC days); cached renderings cost nothing. */
@ApplicationScoped
public class SpeechBudget {
    private final BudgetRepository budgets;
    private final VoiceConfig config;

    SpeechBudget(BudgetRepository budgets, VoiceConfig config) {
        this.budgets = budgets;
        this.config = config;
    }

    /** Charges the characters, or answers 429 saying how much is left and when the budget resets. */
    public void charge(String userId, int characters) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (!budgets.charge(userId, today, characters, config.dailyCharacters())) {
            int left = Math.max(0, config.dailyCharacters() - budgets.used(userId, today));
            ZonedDateTime midnight = today.plusDays(1).atStartOfDay(ZoneOffset.UTC);
            long wait = Math.max(1, Duration.between(ZonedDateTime.now(ZoneOffset.UTC), midnight).toSeconds());
            throw new ProblemException(429, "Daily speech budget used up", "This needs " + characters
                    + " characters of speech, and you have " + left + " of your " + config.dailyCharacters()
                    + " left today. The budget resets at midnight UTC; cached audio is still free.")
                    .header("Retry-After", Long.toString(wait));
        }
    }

    public void refund(String userId, int characters) {
        budgets.refund(userId, LocalDate.now(ZoneOffset.UTC), characters);
    }
}
