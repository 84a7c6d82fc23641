package io.workflowversions.security;

import java.util.Locale;

/** What a credential may do. Dialects map these onto their own role names. */
public enum Role {
    READER, WRITER, MANAGER, ADMIN;

    public boolean canWrite() {
        return this != READER;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
