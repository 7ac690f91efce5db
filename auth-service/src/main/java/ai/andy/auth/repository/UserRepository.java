package ai.andy.auth.repository;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.auth.User;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, String> {

    public Uni<User> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email.trim()).firstResult();
    }

    public Uni<Boolean> emailTaken(String email) {
        return count("lower(email) = lower(?1)", email).map(n -> n > 0);
    }
}
