package ai.andy.email.provider.graph;

import static ai.andy.email.provider.graph.GraphMessages.recipients;

import jakarta.enterprise.context.ApplicationScoped;

import com.microsoft.graph.models.Message;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.messages.item.createreply.CreateReplyPostRequestBody;

import ai.andy.email.MessageMetadata;
import ai.andy.email.provider.OutgoingMessage;
import ai.andy.email.provider.ProviderAccount;

/**
 * A draft (new message: {@code POST /me/messages}; reply: {@code POST /me/messages/{id}/createReply}, which sets the
 * conversation and the In-Reply-To/References headers) and then {@code POST .../send}. Not {@code sendMail} or
 * {@code reply}: those answer 202 with no id, while the draft's immutable id stays the id of the copy in Sent Items.
 */
@ApplicationScoped
class GraphSend {
    private final GraphRequests requests;

    GraphSend(GraphRequests requests) {
        this.requests = requests;
    }

    MessageMetadata send(ProviderAccount account, OutgoingMessage outgoing) {
        GraphServiceClient graph = requests.client(account);
        Message draft = outgoing.inReplyTo() == null ? newDraft(account, graph, outgoing)
                : replyDraft(account, graph, outgoing);
        String draftId = draft.getId();
        requests.send(account, "messages.send", 1, () -> {
            graph.me().messages().byMessageId(draftId).send().post();
            return null;
        });
        return GraphMessages.sent(account, draft, outgoing);
    }

    private Message newDraft(ProviderAccount account, GraphServiceClient graph, OutgoingMessage outgoing) {
        Message message = new Message();
        message.setSubject(outgoing.subject());
        message.setBody(GraphMessages.textBody(outgoing.body()));
        message.setToRecipients(recipients(outgoing.to()));
        message.setCcRecipients(recipients(outgoing.cc()));
        message.setBccRecipients(recipients(outgoing.bcc()));
        return requests.send(account, "messages.create", 1, () -> graph.me().messages().post(message));
    }

    private Message replyDraft(ProviderAccount account, GraphServiceClient graph, OutgoingMessage outgoing) {
        CreateReplyPostRequestBody reply = new CreateReplyPostRequestBody();
        // The text goes in as comment so Outlook keeps the quoted original below it (comment and message.body are
        // mutually exclusive). Recipients and subject only when given: Graph defaults them from the original.
        reply.setComment(outgoing.body());
        Message overrides = new Message();
        boolean override = false;
        if (!outgoing.to().isEmpty()) {
            overrides.setToRecipients(recipients(outgoing.to()));
            override = true;
        }
        if (!outgoing.cc().isEmpty()) {
            overrides.setCcRecipients(recipients(outgoing.cc()));
            override = true;
        }
        if (!outgoing.bcc().isEmpty()) {
            overrides.setBccRecipients(recipients(outgoing.bcc()));
            override = true;
        }
        if (outgoing.subject() != null && !outgoing.subject().isBlank()) {
            overrides.setSubject(outgoing.subject());
            override = true;
        }
        if (override) {
            reply.setMessage(overrides);
        }
        return requests.send(account, "messages.createReply", 1,
                () -> graph.me().messages().byMessageId(outgoing.inReplyTo()).createReply().post(reply));
    }
}
