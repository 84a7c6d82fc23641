package io.workflowversions.security;

/** What an operator supplies to create a credential; {@code secret} is never stored as it is. */
public record NewCredential(String dialect, CredentialType type, String username, String secret, String accessKey,
        String tenant, String subTenant, Role role, String displayName) {

    @Override
    public String toString() {
        return "NewCredential[" + dialect + ", " + type + ", " + username + ", " + accessKey + ", " + tenant + "]";
    }
}
