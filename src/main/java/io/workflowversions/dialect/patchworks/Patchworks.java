package io.workflowversions.dialect.patchworks;

/** The dialect's names: its paths, its name in the store and in credentials, and its version states. */
final class Patchworks {

    static final String DIALECT = "patchworks";
    static final String FLOW_KIND = "flow";

    static final String API_PREFIX = "/api/v1/";
    static final String FABRIC_PREFIX = "/fabric/api/";
    static final String LOGIN_PATH = "/fabric/api/login";

    static final String DRAFT = "Draft";
    static final String DEPLOYED = "Deployed";
    static final String INACTIVE = "Inactive";

    private Patchworks() {
    }

    /** Whether a request path belongs to this dialect. */
    static boolean covers(String path) {
        return path != null && (path.startsWith(API_PREFIX) || path.equals("/api/v1")
                || path.startsWith(FABRIC_PREFIX) || path.equals("/fabric/api"));
    }
}
