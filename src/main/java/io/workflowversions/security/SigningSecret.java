package io.workflowversions.security;

/** An access key's owner and its unsealed secret key, for verifying one request signature. */
public record SigningSecret(Principal principal, byte[] secretKey) {
}
