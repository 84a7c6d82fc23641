package io.workflowversions.dialect.fortanix;

import io.workflowversions.http.ApiException;
import io.workflowversions.http.FailureKind;
import io.workflowversions.security.Principal;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** The session the current request's bearer token names, and the user behind it (set by the auth filter). */
@RequestScoped
public class CurrentSession {

    private FortanixSession session;
    private Principal user;

    void set(FortanixSession session, Principal user) {
        this.session = session;
        this.user = user;
    }

    UUID id() {
        return require().id;
    }

    FortanixSession session() {
        return require();
    }

    /** The user as the credential describes it (its own account, not the selected one). */
    Principal user() {
        require();
        return user;
    }

    private FortanixSession require() {
        if (session == null) {
            throw new ApiException(FailureKind.UNAUTHENTICATED, "Authentication required");
        }
        return session;
    }
}
