package io.workflowversions.security;

import java.util.Locale;
import java.util.Set;

/** What a credential may do. Dialects map these onto their own role names. */
public enum Role {
    READER, WRITER, MANAGER, ADMIN;

    /** The security roles this credential role grants. */
    public Set<String> grants() {
        return this == READER ? Set.of(Roles.READ) : Set.of(Roles.READ, Roles.WRITE);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
