package io.workflowversions.dialect.fortanix;

import io.workflowversions.security.Principal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Accounts are the tenants of Fortanix credentials; each must be a UUID to be selectable. */
final class Accounts {

    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private Accounts() {
    }

    static boolean isUuid(String text) {
        return text != null && UUID_TEXT.matcher(text).matches();
    }

    /** The account of the user's credential, when it is a valid account id. */
    static Optional<UUID> accountOf(Principal user) {
        return isUuid(user.tenant()) ? Optional.of(UUID.fromString(user.tenant())) : Optional.empty();
    }

    /** The group asked for, else the account's default group: the same UUID on every instance, derived from its id. */
    static String group(UUID requested, String account) {
        if (requested != null) {
            return requested.toString();
        }
        return UUID.nameUUIDFromBytes(("default-group:" + account).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
