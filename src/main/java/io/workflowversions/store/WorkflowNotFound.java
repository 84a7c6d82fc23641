package io.workflowversions.store;

/** No workflow with this key in the caller's scope (another tenant's is not found either). */
public final class WorkflowNotFound extends StoreException {

    private final String key;

    public WorkflowNotFound(String key) {
        super(Reason.NOT_FOUND, "workflow " + key + " not found");
        this.key = key;
    }

    public String key() {
        return key;
    }
}
