package io.workflowversions.dialect.fortanix;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.Failure;
import io.workflowversions.http.FailureKind;
import io.workflowversions.security.Roles;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Before routing, on every Fortanix call but the login: the caller is authenticated first (by
 * {@link FortanixMechanism}, so that a missing token is a 401 whatever else is wrong); then the parameters the
 * framework would answer 404 for (a non-uuid id, a non-integer limit) get the contract's 400, and a workflow call
 * needs a selected account, a writer's role to write, and may only name that account.
 */
public class FortanixRequestChecks {

    private static final Pattern GRAPH = Pattern.compile("^/v1/workflows/(draft|final)/graphs/([^/]+)(/[^/]+)?/?$");
    private static final Pattern ACCOUNT = Pattern.compile("^/v1/sys/session/select_account/([^/]+)/?$");
    private static final List<String> UUID_QUERY = List.of("acct_id", "parent_graph_id");
    private static final List<String> INTEGER_QUERY = List.of("limit", "offset");
    private static final List<String> READS = List.of("GET", "HEAD");

    private final CurrentIdentityAssociation identities;

    FortanixRequestChecks(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Void> check(HttpServerRequest request) {
        String path = request.path();
        if (!FortanixPaths.owns(path)) {
            return Uni.createFrom().voidItem();
        }
        // Fortanix answers JSON or plain text whatever the client accepts; a bodiless 204 is not negotiated either.
        request.headers().set("Accept", "*/*");
        if (FortanixPaths.LOGIN.equals(path)) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().invoke(identity -> {
            checkParameters(request, path);
            if (FortanixPaths.isWorkflowPath(path)) {
                checkAccount(request, identity);
            }
        }).replaceWithVoid();
    }

    private static void checkAccount(HttpServerRequest request, SecurityIdentity identity) {
        FortanixSession session = FortanixMechanism.session(identity);
        if (session.selectedAccount == null) {
            throw new ApiException(FailureKind.FORBIDDEN, "No account is selected in this session");
        }
        // The resources' @RolesAllowed would refuse a reader's write too, but only after a foreign acct_id's 404.
        if (!READS.contains(request.method().name()) && !identity.hasRole(Roles.WRITE)) {
            throw new ApiException(FailureKind.FORBIDDEN, "This user may only read workflows");
        }
        String acctId = request.getParam("acct_id");
        if (acctId != null && !acctId.equalsIgnoreCase(session.selectedAccount)) {
            throw new ApiException(FailureKind.NOT_FOUND, "No such workflow in this account");
        }
    }

    /** Parameters the framework could not convert would answer 404; the contract wants 400. */
    private static void checkParameters(HttpServerRequest request, String path) {
        Matcher graph = GRAPH.matcher(path);
        if (graph.matches() && !Accounts.isUuid(graph.group(2))) {
            throw new ApiException(Failure.invalid("graph-id", "must be a UUID"));
        }
        Matcher account = ACCOUNT.matcher(path);
        if (account.matches() && !Accounts.isUuid(account.group(1))) {
            throw new ApiException(Failure.invalid("account-id", "must be a UUID"));
        }
        for (String name : UUID_QUERY) {
            for (String value : request.params().getAll(name)) {
                GraphRules.require(Accounts.isUuid(value), name, "must be a UUID");
            }
        }
        for (String sortBy : request.params().getAll("sort_by")) {
            ListQuery.sort(sortBy);
        }
        for (String name : INTEGER_QUERY) {
            for (String value : request.params().getAll(name)) {
                GraphRules.require(value.matches("^-?[0-9]{1,9}$"), name, "must be an integer");
            }
        }
    }
}
