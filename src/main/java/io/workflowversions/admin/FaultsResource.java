package io.workflowversions.admin;

import io.smallrye.mutiny.Uni;
import io.workflowversions.admin.api.FaultsApi;
import io.workflowversions.admin.api.model.Dialect;
import io.workflowversions.admin.api.model.FaultRule;
import io.workflowversions.admin.api.model.FaultRuleList;
import io.workflowversions.admin.api.model.FaultRuleRemoval;
import io.workflowversions.admin.api.model.FaultRuleRequest;
import io.workflowversions.fault.FaultRuleCompiler;
import io.workflowversions.fault.FaultRules;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.FailureKind;
import io.workflowversions.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

@Cancellable(false)
@RolesAllowed(Roles.OPERATE)
public class FaultsResource implements FaultsApi {

    private static final Logger LOG = Logger.getLogger(FaultsResource.class);

    private final FaultRules rules;
    private final FaultRuleCompiler compiler;

    FaultsResource(FaultRules rules, FaultRuleCompiler compiler) {
        this.rules = rules;
        this.compiler = compiler;
    }

    @Override
    public Uni<RestResponse<FaultRule>> createFaultRule(FaultRuleRequest request) {
        compiler.check(request);
        return rules.create(request)
                .invoke(stored -> LOG.infof("Fault rule %s created: %s%s for %s%s", stored.id(), request.getFault().getType(),
                        request.getFault().getStatus() == null ? "" : " " + request.getFault().getStatus(),
                        request.getDialect(), request.getTenant() == null ? "" : " tenant " + request.getTenant()))
                .map(stored -> RestResponse.status(RestResponse.Status.CREATED, view(stored)));
    }

    @Override
    public Uni<RestResponse<FaultRuleList>> listFaultRules(Dialect dialect, String tenant) {
        return rules.list(name(dialect), Optional.ofNullable(tenant))
                .map(stored -> RestResponse.ok(new FaultRuleList().items(stored.stream().map(FaultsResource::view).toList())));
    }

    @Override
    public Uni<RestResponse<FaultRuleRemoval>> clearFaultRules(Dialect dialect, String tenant) {
        return rules.clear(name(dialect), Optional.ofNullable(tenant))
                .invoke(deleted -> LOG.infof("Deleted %d fault rules", deleted))
                .map(deleted -> RestResponse.ok(new FaultRuleRemoval().deleted(deleted.longValue())));
    }

    @Override
    public Uni<RestResponse<Void>> deleteFaultRule(UUID id) {
        return rules.delete(id).map(deleted -> {
            if (!deleted) {
                throw new ApiException(FailureKind.NOT_FOUND, "No fault rule " + id);
            }
            return RestResponse.noContent();
        });
    }

    private static Optional<String> name(Dialect dialect) {
        return dialect == null ? Optional.empty() : Optional.of(dialect.toString());
    }

    private static FaultRule view(FaultRules.Stored stored) {
        FaultRuleRequest rule = stored.rule();
        return new FaultRule().id(stored.id()).dialect(rule.getDialect()).operation(rule.getOperation())
                .method(rule.getMethod() == null ? null : rule.getMethod().toString()).pathPattern(rule.getPathPattern())
                .tenant(rule.getTenant()).fault(rule.getFault()).probability(rule.getProbability()).times(rule.getTimes())
                .remaining(stored.remaining()).expiresAt(rule.getExpiresAt())
                .createdAt(stored.createdAt().withOffsetSameInstant(ZoneOffset.UTC));
    }
}
