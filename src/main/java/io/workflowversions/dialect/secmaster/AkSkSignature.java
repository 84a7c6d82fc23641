package io.workflowversions.dialect.secmaster;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Huawei's APIG request signature {@code SDK-HMAC-SHA256}, as the Huawei SDKs compute it: a canonical request (method,
 * path with every segment encoded and a trailing slash, query sorted by name, the signed headers as
 * {@code name:value} lines, their names, the hex SHA-256 of the body) is hashed into a string to sign together with
 * the {@code X-Sdk-Date}, and that string is HMAC-SHA256'd with the secret key.
 */
final class AkSkSignature {

    static final String ALGORITHM = "SDK-HMAC-SHA256";
    static final String DATE_HEADER = "X-Sdk-Date";
    static final String CONTENT_SHA256_HEADER = "X-Sdk-Content-Sha256";
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "^SDK-HMAC-SHA256\\s+Access=([^,\\s]+)\\s*,\\s*SignedHeaders=([^,\\s]+)\\s*,\\s*Signature=([0-9a-fA-F]+)\\s*$");
    private static final Pattern HEADER_NAME = Pattern.compile("[a-z0-9!#$%&'*+.^_`|~-]+");

    /** The parts of an {@code Authorization: SDK-HMAC-SHA256 ...} header. */
    record Authorization(String accessKey, List<String> signedHeaders, String signature) {
    }

    private AkSkSignature() {
    }

    static boolean isSigned(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, ALGORITHM, 0, ALGORITHM.length());
    }

    /** The parsed header, or null when it is not a well-formed signature header. */
    static Authorization parse(String header) {
        Matcher matcher = AUTHORIZATION.matcher(header.trim());
        if (!matcher.matches()) {
            return null;
        }
        List<String> signed = new ArrayList<>();
        for (String name : matcher.group(2).split(";")) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HEADER_NAME.matcher(lower).matches()) {
                return null;
            }
            signed.add(lower);
        }
        return new Authorization(matcher.group(1), List.copyOf(signed), matcher.group(3).toLowerCase(Locale.ROOT));
    }

    /** The signing time, or null when the header is not {@code yyyyMMdd'T'HHmmss'Z'}. */
    static Instant parseDate(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim(), DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String formatDate(Instant instant) {
        return DATE.format(instant.atOffset(ZoneOffset.UTC));
    }

    static boolean withinSkew(Instant signedAt, Instant now) {
        return Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) <= 0;
    }

    /**
     * The canonical request.
     *
     * @param rawPath the path as it was sent (still percent-encoded)
     * @param rawQuery the query string as it was sent, or null
     * @param header the first value of a request header by its lower-case name, or null
     */
    static String canonicalRequest(String method, String rawPath, String rawQuery, Function<String, String> header,
            List<String> signedHeaders, byte[] body) {
        StringBuilder headers = new StringBuilder();
        for (String name : signedHeaders) {
            String value = header.apply(name);
            headers.append(name).append(':').append(value == null ? "" : value.trim()).append('\n');
        }
        String contentHash = header.apply(CONTENT_SHA256_HEADER.toLowerCase(Locale.ROOT));
        String payloadHash = UNSIGNED_PAYLOAD.equals(contentHash) ? UNSIGNED_PAYLOAD : sha256Hex(body);
        return String.join("\n", method.toUpperCase(Locale.ROOT), canonicalUri(rawPath), canonicalQuery(rawQuery),
                headers.toString(), String.join(";", signedHeaders), payloadHash);
    }

    static String stringToSign(String sdkDate, String canonicalRequest) {
        return String.join("\n", ALGORITHM, sdkDate, sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    }

    static String signature(byte[] secretKey, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares two hex signatures in constant time. */
    static boolean matches(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                actual.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return "/";
        }
        StringBuilder uri = new StringBuilder();
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                uri.append('/').append(encode(segment));
            }
        }
        return uri.append('/').toString();
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        Map<String, List<String>> sorted = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            sorted.computeIfAbsent(encode(name), k -> new ArrayList<>()).add(encode(value));
        }
        List<String> parts = new ArrayList<>();
        sorted.forEach((name, values) -> values.forEach(value -> parts.add(name + "=" + value)));
        return String.join("&", parts);
    }

    /** Percent-encoding as the SDKs do it: RFC 3986 unreserved characters stay, everything else is encoded. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
