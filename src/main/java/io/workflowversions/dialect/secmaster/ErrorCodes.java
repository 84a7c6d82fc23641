package io.workflowversions.dialect.secmaster;

import io.workflowversions.http.ApiException;
import io.workflowversions.http.Failure;
import io.workflowversions.http.FailureKind;
import java.util.List;

/** The business error codes of the contract, and the exceptions that carry them. */
final class ErrorCodes {

    static final String VERSION_NOT_FOUND = "SecMaster.20040605";
    static final String WORKFLOW_NOT_FOUND = "SecMaster.20040611";
    static final String ILLEGAL_TRANSITION = "SecMaster.20040620";
    static final String STATUS_WITH_CONTENT = "SecMaster.20040621";
    static final String ACTIVATED_NOT_DELETABLE = "SecMaster.20040622";
    static final String ENABLE_NEEDS_ACTIVATED = "SecMaster.20040623";
    static final String INVALID_TASKFLOW = "SecMaster.20040624";
    static final String INVALID_REQUEST = "SecMaster.20040625";
    /** Not in the vendor's documents: unexpected failures and database outages. */
    static final String INTERNAL = "SecMaster.20040500";
    static final String UNAVAILABLE = "SecMaster.20040503";

    static final String APIG_AUTH = "APIG.0301";
    static final String APIG_FORBIDDEN = "APIG.1005";
    static final String APIG_NO_API = "APIG.0101";
    /** The gateway's throttle, and a backend that is unreachable or too slow [I: Huawei APIG's error codes]. */
    static final String APIG_THROTTLED = "APIG.0308";
    static final String APIG_BACKEND_UNAVAILABLE = "APIG.0201";
    static final String APIG_BACKEND_TIMEOUT = "APIG.0202";

    private ErrorCodes() {
    }

    static ApiException rule(String code, String message) {
        return new ApiException(new Failure(FailureKind.RULE_VIOLATED, code, message, List.of()));
    }

    static ApiException invalid(String field, String message) {
        return new ApiException(Failure.invalid(field, message));
    }
}
