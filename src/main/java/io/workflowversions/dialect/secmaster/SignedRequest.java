package io.workflowversions.dialect.secmaster;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An AK/SK-signed request: the access key, what it signed, and the signature it sent. */
final class SignedRequest extends BaseAuthenticationRequest {

    final String accessKey;
    final String stringToSign;
    final String signature;

    SignedRequest(String accessKey, String stringToSign, String signature) {
        this.accessKey = accessKey;
        this.stringToSign = stringToSign;
        this.signature = signature;
    }
}
