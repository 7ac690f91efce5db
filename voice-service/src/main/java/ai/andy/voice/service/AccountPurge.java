package ai.andy.voice.service;

import jakarta.enterprise.context.ApplicationScoped;

import ai.andy.voice.repository.BudgetRepository;
import ai.andy.voice.repository.CloneRepository;
import ai.andy.voice.repository.ConsentRepository;
import ai.andy.voice.repository.RenderingRepository;
import io.quarkus.logging.Log;

/** Everything voice-service holds for a person, gone: their clones at the provider first, then the rows here. */
@ApplicationScoped
public class AccountPurge {
    private final CloneRepository clones;
    private final ConsentRepository consents;
    private final RenderingRepository renderings;
    private final BudgetRepository budgets;
    private final CloneDeleter deleter;

    AccountPurge(CloneRepository clones, ConsentRepository consents, RenderingRepository renderings,
            BudgetRepository budgets, CloneDeleter deleter) {
        this.clones = clones;
        this.consents = consents;
        this.renderings = renderings;
        this.budgets = budgets;
        this.deleter = deleter;
    }

    public void forget(String userId) {
        var theirs = clones.list(userId);
        theirs.forEach(deleter::deleteAtProvider);
        int audio = renderings.deleteUser(userId);
        consents.deleteUser(userId);
        budgets.deleteUser(userId);
        Log.infof("purged a deleted account: %d clones, %d cached renderings", theirs.size(), audio);
    }
}
