package io.workflowversions.dialect.fortanix;

import io.smallrye.mutiny.Uni;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.FailureKind;
import io.workflowversions.store.StoreException;

/** Store outcomes in the dialect's words. */
final class Stored {

    private Stored() {
    }

    static <T> Uni<T> orNotFound(Uni<T> lookup, String what) {
        return lookup.onFailure(StoreException.class).transform(failure ->
                ((StoreException) failure).reason() == StoreException.Reason.NOT_FOUND
                        ? new ApiException(FailureKind.NOT_FOUND, what + " was not found in this account")
                        : failure);
    }

    static long epochSeconds(java.time.Instant instant) {
        return instant.getEpochSecond();
    }
}
