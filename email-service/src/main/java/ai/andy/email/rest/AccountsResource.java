package ai.andy.email.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import ai.andy.email.api.AccountView;
import ai.andy.email.service.MailService;
import ai.andy.runtime.security.CurrentUser;

/** The signed-in person's mailboxes with sync state and progress. Connecting one happens at /api/connections. */
@Path("/api/email/accounts")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {
    private final MailService mail;
    private final CurrentUser me;

    AccountsResource(MailService mail, CurrentUser me) {
        this.mail = mail;
        this.me = me;
    }

    @GET
    public List<AccountView> accounts() {
        return mail.accounts(me.id());
    }
}
