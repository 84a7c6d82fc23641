package io.workflowversions.dialect.frankieone;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.workflowversions.support.SpecValidation;
import io.workflowversions.support.Sql;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/** Test helpers for the FrankieOne dialect: keys made through the admin API, and requests checked against the spec. */
final class FrankieOne {

    static final String SPEC = "frankieone.yaml";
    static final String PATH = "/v2/workflowDefinitions";
    static final String ULID = "^[0-9A-HJKMNP-TV-Z]{26}$";

    /** The vendor's documented request body, read-only fields included. */
    static final String VENDOR_EXAMPLE = """
            {
              "id": "customer-verification-workflow",
              "name": "Customer Verification Workflow",
              "tasks": [
                {
                  "id": "verify-identity",
                  "name": "Verify Identity",
                  "configuration": {"type": "HTTP"},
                  "description": "Runs identity verification checks against the customer",
                  "errorHandling": {
                    "ignoreErrors": false,
                    "fallbackState": {},
                    "retryConfig": {"maxAttempts": 3, "delayMs": 1000, "backoffFactor": 2}
                  }
                }
              ],
              "description": "Workflow to verify new customer identities",
              "owner": "SYSTEM",
              "isDraft": false,
              "isTemplate": false,
              "tags": ["customer-verification", "kyc"],
              "initialState": {"name": "John Doe", "age": 30},
              "defaultErrorHandling": {
                "ignoreErrors": false,
                "fallbackState": {},
                "retryConfig": {"maxAttempts": 3, "delayMs": 1000, "backoffFactor": 2}
              },
              "variables": [
                {
                  "name": "customerEmail",
                  "type": "STRING",
                  "description": "Customer's email address",
                  "example": "customer@example.com",
                  "default": ""
                }
              ],
              "versions": [1, 2, 3],
              "version": 3,
              "versionId": "01KCNG5VAH4ZQC5T1H4A2ZZHWA",
              "createdAt": "2023-01-01T12:00:00Z",
              "updatedAt": "2023-01-02T14:30:00Z",
              "createdBy": "John Doe",
              "updatedBy": "Jane Smith"
            }
            """;

    private FrankieOne() {
    }

    /** An API key of a fresh customer (and optional child), created through the admin API. */
    record Key(String secret, String customer, String child, String displayName) {

        /** A request with this key and the matching customer headers, validated against the spec both ways. */
        RequestSpecification api() {
            return headers(given().filter(SpecValidation.strict(SPEC)));
        }

        /** For requests that are wrong on purpose: only the answer is validated against the spec. */
        RequestSpecification lenient() {
            return headers(given().filter(SpecValidation.responsesOnly(SPEC)));
        }

        private RequestSpecification headers(RequestSpecification request) {
            request.header("api_key", secret).header("X-Frankie-CustomerID", customer).contentType(ContentType.JSON);
            return child == null ? request : request.header("X-Frankie-CustomerChildID", child);
        }

        long workflows() {
            return Sql.count("select count(*) from workflow where dialect = 'frankieone' and tenant = ?", customer);
        }

        long versions() {
            return Sql.count("select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                    + " where w.dialect = 'frankieone' and w.tenant = ?", customer);
        }
    }

    static Key newKey() {
        return newKey("cust-" + UUID.randomUUID(), null, "writer");
    }

    static Key newKey(String customer, String child, String role) {
        String secret = "fk-" + UUID.randomUUID();
        String displayName = "Key of " + customer;
        Map<String, Object> body = new HashMap<>(Map.of("dialect", "frankieone", "type", "api_key", "secret", secret,
                "tenant", customer, "role", role, "display_name", displayName));
        if (child != null) {
            body.put("sub_tenant", child);
        }
        given().header("Authorization", "Bearer test-admin-token").contentType(ContentType.JSON).body(body)
                .post("/admin/v1/credentials").then().statusCode(201);
        return new Key(secret, customer, child, displayName);
    }

    static String body(String name, Boolean draft) {
        String flag = draft == null ? "" : ", \"isDraft\": " + draft;
        return "{\"name\": \"" + name + "\", \"tasks\": [{\"id\": \"t1\", \"configuration\": {\"type\": \"HTTP\"}}]" + flag + "}";
    }

    /** Checks a FrankieOne error object and returns it for further checks. */
    static ValidatableResponse error(ValidatableResponse response, int status, String code) {
        return response.statusCode(status)
                .contentType(ContentType.JSON)
                .body("errorCode", equalTo(code))
                .body("httpStatusCode", equalTo(status))
                .body("requestId", matchesPattern(ULID));
    }
}
