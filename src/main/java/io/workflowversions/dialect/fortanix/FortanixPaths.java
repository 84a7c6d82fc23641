package io.workflowversions.dialect.fortanix;

/** The paths of the Fortanix CCM dialect. */
final class FortanixPaths {

    static final String DIALECT = "fortanix";
    static final String LOGIN = "/v1/sys/auth";
    static final String SYS = "/v1/sys/";
    static final String WORKFLOWS = "/v1/workflows";

    private FortanixPaths() {
    }

    /** {@code /v1/sys/...} and {@code /v1/workflows/...}; never another dialect's {@code /v1/{project}/workspaces/...}. */
    static boolean owns(String path) {
        if (path == null) {
            return false;
        }
        boolean ours = path.startsWith(SYS) || isWorkflowPath(path);
        return ours && !path.matches("^/v1/[^/]+/workspaces(/.*)?$");
    }

    static boolean isWorkflowPath(String path) {
        return path.equals(WORKFLOWS) || path.startsWith(WORKFLOWS + "/");
    }
}
