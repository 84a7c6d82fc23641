package io.workflowversions.dialect.secmaster;

import io.workflowversions.security.Principal;
import java.nio.charset.StandardCharsets;

/** Huawei-style ids: 32 lower-case hex characters. */
final class Ids {

    private Ids() {
    }

    /** The IAM user id of a caller: its credential id without dashes. */
    static String userId(Principal principal) {
        return principal.credentialId().toString().replace("-", "");
    }

    /** The caller's name as IAM shows it: the user name, or the access key's display name. */
    static String userName(Principal principal) {
        return principal.username() != null ? principal.username() : principal.actor();
    }

    /** A stable 32-hex id derived from a text: the first half of its SHA-256. */
    static String hex(String text) {
        return AkSkSignature.sha256Hex(text.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }
}
