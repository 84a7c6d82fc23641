package io.workflowversions.support;

import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;
import io.restassured.filter.Filter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SecMaster's AK/SK request signing, done by the Huawei SDK's own signer. */
public final class HuaweiSigner {

    private HuaweiSigner() {
    }

    /**
     * Signs the request as it will be sent, with {@code com.huaweicloud.sdk.core.auth.AKSKSigner}: the headers it
     * returns ({@code X-Sdk-Date}, {@code Authorization}) are added to the request.
     */
    public static Filter of(String accessKey, String secretKey) {
        return (request, response, context) -> {
            URI uri = URI.create(request.getURI());
            String body = request.getBody() == null ? null : request.getBody().toString();
            HttpRequest.HttpRequestBuilder builder = HttpRequest.newBuilder()
                    .withMethod(HttpMethod.valueOf(request.getMethod()))
                    .withEndpoint(uri.getScheme() + "://" + uri.getRawAuthority())
                    .withPath(uri.getRawPath());
            if (uri.getRawQuery() != null) {
                Map<String, List<String>> query = new HashMap<>();
                for (String pair : uri.getRawQuery().split("&")) {
                    String[] kv = pair.split("=", 2);
                    query.computeIfAbsent(decode(kv[0]), k -> new java.util.ArrayList<>()).add(kv.length > 1 ? decode(kv[1]) : "");
                }
                query.forEach(builder::addQueryParam);
            }
            if (body != null) {
                builder.withBodyAsString(body);
            }
            request.getHeaders().asList().stream()
                    .filter(h -> !h.getName().equalsIgnoreCase("Content-Type") && !h.getName().equalsIgnoreCase("Accept"))
                    .forEach(h -> builder.addHeader(h.getName(), h.getValue()));
            Map<String, String> signed = AKSKSigner.getInstance().sign(builder.build(),
                    new BasicCredentials().withAk(accessKey).withSk(secretKey));
            signed.forEach((name, value) -> {
                if (!name.equalsIgnoreCase("Host")) {
                    request.header(name, value);
                }
            });
            return context.next(request, response);
        };
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
