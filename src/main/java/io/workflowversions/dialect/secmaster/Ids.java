package io.workflowversions.dialect.secmaster;

import io.workflowversions.security.Principal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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

    /** A stable 32-hex id derived from a text. */
    static String hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
