package ai.andy.email.provider;

import ai.andy.email.MessageMetadata;
import java.util.List;

/** Where a sync delivers what it learns. Each call is persisted before it returns, so a crash loses at most a batch. */
public interface SyncSink {

    /** The number of messages the initial sync will bring, when the provider says (for progress). */
    void total(int messages);

    void upsert(List<MessageMetadata> batch);

    void removed(List<String> providerIds);
}
