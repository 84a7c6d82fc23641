package io.workflowversions.security;

/** The security roles resources ask for with {@code @RolesAllowed}. */
public final class Roles {

    /** Every authenticated caller of a dialect. */
    public static final String READ = "read";
    /** A caller who may change data: any credential role but a reader. */
    public static final String WRITE = "write";
    /** The admin API's caller. */
    public static final String OPERATE = "operate";

    private Roles() {
    }
}
