package io.workflowversions.dialect.secmaster;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The dialect's name, paths and wire formats. */
final class Secmaster {

    static final String DIALECT = "secmaster";
    static final String KIND = "workflow";
    static final String TOKEN_PATH = "/v3/auth/tokens";

    /** {@code /v1/{project_id}/workspaces/...}: every SecMaster path. */
    static final Pattern API_PATH = Pattern.compile("^/v1/([^/]+)/workspaces(?:/([^/]*))?(?:/.*)?$");

    private static final Pattern NO_PROJECT_PATH = Pattern.compile("^/v1/workspaces/[^/]+/soc(?:/.*)?$");

    /** Success code of every envelope. */
    static final String SUCCESS = "00000000";

    private static final DateTimeFormatter VENDOR_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'xx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter IAM_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Secmaster() {
    }

    /** A SecMaster path, also one whose project id is empty: the double slash reaches us collapsed. */
    static boolean isApiPath(String path) {
        return API_PATH.matcher(path).matches() || NO_PROJECT_PATH.matcher(path).matches();
    }

    /** The token endpoint and anything under it: IAM's paths, answered in IAM's error shape. */
    static boolean isTokenPath(String path) {
        return path.equals(TOKEN_PATH) || path.startsWith(TOKEN_PATH + "/");
    }

    /** The {@code project_id} segment of a SecMaster path, or null. */
    static String projectOf(String path) {
        Matcher matcher = API_PATH.matcher(path);
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** The vendor's time format, in UTC: {@code 2025-07-18T06:55:47.084Z+0000}. */
    static String vendorTime(Instant instant) {
        return instant == null ? "" : VENDOR_TIME.format(instant);
    }

    /** IAM's time format: {@code 2020-01-04T09:08:49.965000Z}. */
    static String iamTime(Instant instant) {
        return IAM_TIME.format(instant);
    }
}
