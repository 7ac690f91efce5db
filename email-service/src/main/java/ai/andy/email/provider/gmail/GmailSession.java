package ai.andy.email.provider.gmail;

import static ai.andy.email.provider.gmail.GmailMailProvider.LABELS_LIST;
import static ai.andy.email.provider.gmail.GmailMailProvider.ME;
import static ai.andy.email.provider.gmail.GmailMailProvider.MESSAGES_GET;
import static ai.andy.email.provider.gmail.GmailMailProvider.PROVIDER;
import static ai.andy.email.provider.gmail.GmailMailProvider.SYSTEM_LABELS;
import static ai.andy.email.provider.gmail.GmailMailProvider.USER_LABEL_ID;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.google.api.client.googleapis.batch.BatchRequest;
import com.google.api.client.googleapis.batch.json.JsonBatchCallback;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.Label;
import com.google.api.services.gmail.model.Message;

import ai.andy.email.MessageMetadata;
import ai.andy.email.ProviderException;
import ai.andy.email.provider.ProviderAccount;
import ai.andy.email.provider.ProviderCalls;
import ai.andy.email.provider.UsageMeter;

/** One account's Gmail client: the SDK with that account's token on every request, paced, metered and retried. */
final class GmailSession {
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int READ_TIMEOUT_MILLIS = 60_000;

@FunctionalInterface
interface GmailRequest<T> {
    T execute(Gmail gmail) throws IOException;
}

    private final ProviderAccount account;
    private final HttpRequestInitializer initializer;
    private final Gmail gmail;
    private final GmailQuotaPacer pacer;
    private final UsageMeter usage;
    private final ProviderCalls calls;

    GmailSession(ProviderAccount account, HttpTransport transport, String rootUrl, GmailQuotaPacer pacer,
            UsageMeter usage, ProviderCalls calls) {
        this.account = account;
        this.pacer = pacer;
        this.usage = usage;
        this.calls = calls;
        // The supplier is asked on every request (it caches), so a token refreshed mid-sync is picked up.
        this.initializer = request -> {
            request.getHeaders().setAuthorization("Bearer " + account.accessToken().get());
            request.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            request.setReadTimeout(READ_TIMEOUT_MILLIS);
        };
        this.gmail = new Gmail.Builder(transport, GsonFactory.getDefaultInstance(), initializer)
                .setRootUrl(rootUrl)
                .setBatchPath("batch/gmail/v1")
                .setApplicationName("andy-email-service")
                .build();
    }

    /** One paced, metered request under retries and the breaker. */
    <T> T call(String operation, int units, GmailRequest<T> request) {
        return calls.call(() -> {
            pacer.acquire(account.userId(), units);
            usage.record(account.userId(), PROVIDER, operation, units);
            try {
                return request.execute(gmail);
            } catch (IOException failure) {
                throw GmailErrors.translate(failure);
            }
        });
    }

    byte[] attachment(String messageId, String attachmentId) {
        return call("messages.attachments.get", MESSAGES_GET, gmail -> gmail.users().messages().attachments()
                .get(ME, messageId, attachmentId).execute()).decodeData();
    }

    /**
     * Metadata of {@code ids} in one batch request, in the order given. Ids Gmail no longer has are added to
     * {@code gone}. Parts throttled or failing with 5xx are sent again, and only they, paced like the first try.
     */
    List<MessageMetadata> metadata(List<String> ids, Collection<String> gone) {
        Map<String, Message> found = new HashMap<>();
        List<String> pending = new ArrayList<>(ids);
        calls.run(() -> {
            int units = MESSAGES_GET * pending.size();
            pacer.acquire(account.userId(), units);
            usage.record(account.userId(), PROVIDER, "messages.get", units);
            RuntimeException[] retry = new RuntimeException[1];
            BatchRequest batch = gmail.batch(initializer);
            try {
                for (String id : pending) {
                    gmail.users().messages().get(ME, id).setFormat("metadata")
                            .setMetadataHeaders(GmailMessages.METADATA_HEADERS)
                            .queue(batch, new JsonBatchCallback<>() {
                                @Override
                                public void onSuccess(Message message, HttpHeaders headers) {
                                    found.put(id, message);
                                }

                                @Override
                                public void onFailure(GoogleJsonError error, HttpHeaders headers) {
                                    RuntimeException failure = GmailErrors.translate(error, headers);
                                    if (GmailErrors.isNotFound(failure)) {
                                        gone.add(id);
                                    } else if (failure instanceof ProviderCalls.Retryable) {
                                        retry[0] = failure;
                                    } else {
                                        throw failure;
                                    }
                                }
                            });
                }
                batch.execute();
            } catch (IOException failure) {
                throw GmailErrors.translate(failure);
            }
            pending.removeIf(id -> found.containsKey(id) || gone.contains(id));
            if (!pending.isEmpty()) {
                throw retry[0] != null ? retry[0] : new ProviderCalls.Retryable(0, null, null);
            }
        });
        return ids.stream().map(found::get).filter(Objects::nonNull).map(GmailMessages::metadata).toList();
    }

    /** Label ids for ids or user label names; names are looked up once per call through labels.list. */
    List<String> labelIds(List<String> labels) {
        if (labels.stream().allMatch(l -> SYSTEM_LABELS.contains(l) || USER_LABEL_ID.matcher(l).matches())) {
            return labels;
        }
        List<Label> known = nonNull(call("labels.list", LABELS_LIST,
                gmail -> gmail.users().labels().list(ME).execute()).getLabels());
        List<String> ids = new ArrayList<>();
        for (String label : labels) {
            ids.add(known.stream()
                    .filter(k -> label.equals(k.getId())
                            || ("user".equals(k.getType()) && label.equalsIgnoreCase(k.getName())))
                    .map(Label::getId).findFirst()
                    .orElseThrow(() -> new ProviderException(PROVIDER, ProviderException.Kind.REJECTED,
                            "no such Gmail label", null)));
        }
        return ids;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
