package io.workflowversions.store;

/** No version with this id (public id or number) in the caller's scope or workflow. */
public final class VersionNotFound extends StoreException {

    private final String id;

    public VersionNotFound(String id) {
        super(Reason.NOT_FOUND, "version " + id + " not found");
        this.id = id;
    }

    public String id() {
        return id;
    }
}
