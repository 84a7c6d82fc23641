package io.workflowversions.security;

import java.util.Locale;

/** How a credential proves itself. */
public enum CredentialType {
    /** A user name and a password, exchanged for a token. */
    PASSWORD,
    /** A key sent as it is on every call. */
    API_KEY,
    /** A public access key id with a secret key that signs requests and never travels. */
    ACCESS_KEY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CredentialType fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
