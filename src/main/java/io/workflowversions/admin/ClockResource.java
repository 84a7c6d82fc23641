package io.workflowversions.admin;

import io.smallrye.mutiny.Uni;
import io.workflowversions.admin.api.ClockApi;
import io.workflowversions.admin.api.model.Clock;
import io.workflowversions.admin.api.model.ClockAdvance;
import io.workflowversions.admin.api.model.ClockSetting;
import io.workflowversions.admin.api.model.Dialect;
import io.workflowversions.clock.Clocks;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.Failure;
import io.workflowversions.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

@Cancellable(false)
@RolesAllowed(Roles.OPERATE)
public class ClockResource implements ClockApi {

    private static final String DURATION = "must be an ISO-8601 duration such as PT2H, P1D or -PT30M";
    private static final String OUT_OF_REACH = "puts the clock more than 50 years from real time";

    private final Clocks clocks;

    ClockResource(Clocks clocks) {
        this.clocks = clocks;
    }

    @Override
    public Uni<RestResponse<Clock>> getClock(Dialect dialect, String tenant) {
        scope(dialect, tenant);
        return clocks.get(name(dialect), tenant).map(ClockResource::answer);
    }

    @Override
    public Uni<RestResponse<Clock>> setClock(ClockSetting setting) {
        scope(setting.getDialect(), setting.getTenant());
        if (setting.getFixed() != null && setting.getOffset() != null) {
            throw new ApiException(Failure.invalid("offset", "give fixed or offset, not both"));
        }
        Instant fixed = setting.getFixed() == null ? null : setting.getFixed().toInstant();
        if (fixed != null && !Clocks.withinReach(fixed)) {
            throw new ApiException(Failure.invalid("fixed", OUT_OF_REACH));
        }
        Duration offset = setting.getOffset() == null ? null : duration("offset", setting.getOffset());
        if (offset != null && !Clocks.withinReach(Instant.now().plus(offset))) {
            throw new ApiException(Failure.invalid("offset", OUT_OF_REACH));
        }
        return clocks.set(name(setting.getDialect()), setting.getTenant(), fixed, offset).map(ClockResource::answer);
    }

    @Override
    public Uni<RestResponse<Clock>> advanceClock(ClockAdvance advance) {
        scope(advance.getDialect(), advance.getTenant());
        Duration by = duration("by", advance.getBy());
        if (by.isNegative() || by.isZero()) {
            throw new ApiException(Failure.invalid("by", "must be a positive duration"));
        }
        if (by.compareTo(Clocks.REACH.multipliedBy(2)) > 0) {
            throw new ApiException(Failure.invalid("by", OUT_OF_REACH));
        }
        return clocks.advance(name(advance.getDialect()), advance.getTenant(), by).map(ClockResource::answer);
    }

    private static void scope(Dialect dialect, String tenant) {
        if ((dialect == null) != (tenant == null)) {
            throw new ApiException(Failure.invalid(dialect == null ? "dialect" : "tenant",
                    "a clock is the service's or one dialect's tenant's: give dialect and tenant, or neither"));
        }
    }

    private static Duration duration(String field, String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new ApiException(Failure.invalid(field, DURATION));
        }
    }

    private static String name(Dialect dialect) {
        return dialect == null ? null : dialect.toString();
    }

    private static RestResponse<Clock> answer(Clocks.View view) {
        return RestResponse.ok(new Clock()
                .dialect(view.dialect()).tenant(view.tenant())
                .source(view.own() ? Clock.SourceEnum.TENANT : Clock.SourceEnum.SERVICE)
                .mode(Clock.ModeEnum.fromValue(view.setting().mode()))
                .fixed(view.setting().fixed() == null ? null : view.setting().fixed().atOffset(ZoneOffset.UTC))
                .offset(view.setting().fixed() != null || view.setting().offset().isZero() ? null
                        : view.setting().offset().toString())
                .now(view.now().atOffset(ZoneOffset.UTC)));
    }
}
