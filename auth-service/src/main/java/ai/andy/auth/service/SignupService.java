package ai.andy.auth.service;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import ai.andy.auth.User;
import ai.andy.auth.repository.UserRepository;
import ai.andy.auth.rest.SignupRequest;
import ai.andy.events.Topics;
import ai.andy.events.payload.UserCreated;
import ai.andy.runtime.outbox.Outbox;
import ai.andy.runtime.problem.Problem.FieldError;
import ai.andy.runtime.problem.ProblemException;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/** Opening an account: validate everything at once, store the person with a hashed password, announce them. */
@ApplicationScoped
public class SignupService {
    private static final int BCRYPT_COST = 12;

    private final UserRepository users;
    private final PasswordPolicy passwords;
    private final Validator validator;
    private final Outbox outbox;
    private final Vertx vertx;

    SignupService(UserRepository users, PasswordPolicy passwords, Validator validator, Outbox outbox, Vertx vertx) {
        this.vertx = vertx;
        this.users = users;
        this.passwords = passwords;
        this.validator = validator;
        this.outbox = outbox;
    }

    public Uni<User> signup(SignupRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("Send email, password, displayName and timezone as JSON.", List.of());
        }
        List<FieldError> errors = validate(request);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("Some fields are invalid: "
                    + String.join(", ", errors.stream().map(FieldError::field).toList()) + ".", errors);
        }
        // bcrypt costs ~200 ms of CPU: done on a worker thread, and before the transaction opens.
        return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.bcryptHash(request.password(), BCRYPT_COST)))
                .chain(hash -> Panache.withTransaction(() -> create(request, hash)))
                .onFailure(SignupService::isDuplicateEmail).transform(e -> duplicate());
    }

    private Uni<User> create(SignupRequest request, String passwordHash) {
        String email = request.email().trim();
        return users.emailTaken(email).chain(taken -> {
            if (taken) {
                return Uni.createFrom().failure(duplicate());
            }
            User user = new User();
            user.id = UUID.randomUUID().toString();
            user.email = email;
            user.displayName = request.displayName().trim();
            user.timezone = request.timezone();
            user.passwordHash = passwordHash;
            user.createdAt = OffsetDateTime.now();
            return users.persist(user).call(saved -> outbox.add(Topics.USER_CREATED, saved.id,
                    new UserCreated(saved.id, saved.email, saved.displayName, saved.timezone)));
        });
    }

    private static ProblemException duplicate() {
        return ProblemException.conflict("An account with this email address exists. Sign in instead.");
    }

    /** Two sign-ups with one address at the same moment: the unique index settles it. */
    private static boolean isDuplicateEmail(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("app_user_email")) {
                return true;
            }
        }
        return false;
    }

    private List<FieldError> validate(SignupRequest request) {
        List<FieldError> errors = new ArrayList<>();
        validator.validate(request).forEach(v -> errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage())));
        passwords.problem(request.password()).ifPresent(p -> errors.add(new FieldError("password", p)));
        if (request.timezone() != null && !request.timezone().isBlank() && !isZone(request.timezone())) {
            errors.add(new FieldError("timezone", "unknown time zone; use an IANA name such as Europe/Paris"));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return errors;
    }

    private static boolean isZone(String zone) {
        return ZoneId.getAvailableZoneIds().contains(zone);
    }
}
