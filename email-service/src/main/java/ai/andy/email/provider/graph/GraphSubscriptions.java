package ai.andy.email.provider.graph;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import com.microsoft.graph.models.Subscription;
import com.microsoft.graph.serviceclient.GraphServiceClient;

import ai.andy.email.ProviderException;
import ai.andy.email.provider.ProviderAccount;

/** Push: change notifications for the Inbox (the folder the delta cursor follows), renewed before they lapse. */
@ApplicationScoped
class GraphSubscriptions {
    /** Message subscriptions live at most 10,080 minutes; an hour less leaves room for clock skew. */
    private static final Duration LIFETIME = Duration.ofMinutes(10_080 - 60);

    private final GraphRequests requests;

    GraphSubscriptions(GraphRequests requests) {
        this.requests = requests;
    }

    /** Graph first calls {@code notificationUrl} with a validationToken to echo. */
    GraphMailProvider.PushSubscription subscribe(ProviderAccount account, String notificationUrl, String lifecycleUrl,
            String clientState) {
        GraphServiceClient graph = requests.client(account);
        Subscription subscription = new Subscription();
        subscription.setChangeType("created,updated,deleted");
        subscription.setResource("me/mailFolders('inbox')/messages");
        subscription.setNotificationUrl(notificationUrl);
        subscription.setLifecycleNotificationUrl(lifecycleUrl);
        subscription.setClientState(clientState);
        OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plus(LIFETIME);
        subscription.setExpirationDateTime(expires);
        Subscription created = requests.send(account, "subscriptions.create", 1,
                () -> graph.subscriptions().post(subscription));
        return new GraphMailProvider.PushSubscription(created.getId(), expiry(created, expires));
    }

    Instant renew(ProviderAccount account, String subscriptionId) {
        GraphServiceClient graph = requests.client(account);
        Subscription patch = new Subscription();
        OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plus(LIFETIME);
        patch.setExpirationDateTime(expires);
        Subscription renewed = requests.send(account, "subscriptions.renew", 1,
                () -> graph.subscriptions().bySubscriptionId(subscriptionId).patch(patch));
        return expiry(renewed, expires);
    }

    /** One Graph no longer knows counts as deleted. */
    void unsubscribe(ProviderAccount account, String subscriptionId) {
        GraphServiceClient graph = requests.client(account);
        try {
            requests.send(account, "subscriptions.delete", 1, () -> {
                graph.subscriptions().bySubscriptionId(subscriptionId).delete();
                return null;
            });
        } catch (ProviderException failure) {
            if (failure.kind() != ProviderException.Kind.NOT_FOUND) {
                throw failure;
            }
        }
    }

    private static Instant expiry(Subscription answer, OffsetDateTime asked) {
        return (answer != null && answer.getExpirationDateTime() != null ? answer.getExpirationDateTime() : asked)
                .toInstant();
    }
}
