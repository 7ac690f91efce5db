package ai.andy.email;

/** Where a mailbox lives. Lower-case because the names are stored and shown as they are. */
public enum MailProviderKind {
    local, gmail, outlook
}
