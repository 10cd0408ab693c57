package dev.pactum.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Salesforce's REST API: an access token from the OAuth 2.0 token endpoint (client credentials, or a JWT bearer
 * assertion signed RS256 with the configured key), kept until {@code token-lifetime} runs out, and upserts by external
 * id ({@code PATCH <instance_url>/services/data/<version>/sobjects/<object>/<field>/<value>}).
 *
 * <p>A 401 (the token expired or was revoked) fetches a new token and repeats the call once. Salesforce refuses a
 * record with a 4xx and a list of {@code {message, errorCode, fields}}: a permanent {@link PeerClient.PeerCallFailed}
 * carrying its words, so the step shows an incident at once; 5xx, timeouts and no connection are passing failures
 * the step's retry cycle takes care of. An upsert is idempotent by nature: the same call twice updates the record
 * it created.
 */
class SalesforceApi {

    static final String TOKEN_PATH = "/services/oauth2/token";
    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    /** Salesforce accepts an assertion that expires within 3 minutes. */
    private static final Duration ASSERTION_VALIDITY = Duration.ofMinutes(3);

    /** What an upsert did: {@code created} (201) or updated (200 with {@code created: false}, or 204). */
    record Upserted(String id, boolean created) {
    }

    private record Token(String accessToken, URI instanceUrl, Instant expiresAt) {
    }

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;
    private final Clock clock;
    private volatile Token token;

    SalesforceApi(Duration connectTimeout, Duration timeout, ObjectMapper json, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.json = json;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Creates or updates the record whose external-id {@code field} holds {@code value}. */
    Upserted upsert(IntegrationProperties.Peer crm, CrmAdapterProperties.Salesforce salesforce, String object,
                    String field, String value, Map<String, Object> fields) {
        Token current = token(crm, salesforce, null);
        HttpResponse<String> response = patch(current, salesforce, object, field, value, fields);
        if (response.statusCode() == 401) {
            current = token(crm, salesforce, current);
            response = patch(current, salesforce, object, field, value, fields);
            if (response.statusCode() == 401) {
                throw new PeerClient.PeerCallFailed(PeerSystem.CRM, "Salesforce " + object + " upsert refused a"
                        + " token fetched just now (401): " + errors(response.body()), true);
            }
        }
        int status = response.statusCode();
        String call = "Salesforce " + object + " " + field + "=" + value;
        if (status == 201 || status == 200 || status == 204) {
            JsonNode answer = status == 204 ? json.nullNode() : read(response.body());
            return new Upserted(answer.path("id").asText(null), status == 201);
        }
        if (status == 300) {
            throw new PeerClient.PeerCallFailed(PeerSystem.CRM, call + ": several records hold this external id"
                    + " (300); make the field unique in Salesforce", true);
        }
        throw new PeerClient.PeerCallFailed(PeerSystem.CRM, call + " answered " + status + ": "
                + errors(response.body()), PeerClient.isPermanent(status));
    }

    private HttpResponse<String> patch(Token current, CrmAdapterProperties.Salesforce salesforce, String object,
                                       String field, String value, Map<String, Object> fields) {
        URI uri = URI.create(stripSlash(current.instanceUrl().toString()) + "/services/data/"
                + salesforce.apiVersion() + "/sobjects/" + segment(object) + "/" + segment(field) + "/"
                + segment(value));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", "Bearer " + current.accessToken())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(write(fields))).build();
        return send(request, "PATCH " + uri);
    }

    /**
     * The token in use, or a new one when there is none, it ran out, or it is the one Salesforce just refused (a
     * caller that was refused an older token takes the one another thread fetched meanwhile).
     */
    private synchronized Token token(IntegrationProperties.Peer crm, CrmAdapterProperties.Salesforce salesforce,
                                     Token refused) {
        Token current = token;
        if (current != null && current != refused && clock.instant().isBefore(current.expiresAt())) {
            return current;
        }
        token = null;
        URI uri = salesforce.tokenUrl() != null && !salesforce.tokenUrl().toString().isBlank()
                ? salesforce.tokenUrl() : URI.create(stripSlash(crm.url().toString()) + TOKEN_PATH);
        Map<String, String> form = new LinkedHashMap<>();
        if (salesforce.flow() == CrmAdapterProperties.SalesforceFlow.JWT_BEARER) {
            form.put("grant_type", JWT_BEARER);
            form.put("assertion", assertion(salesforce));
        } else {
            form.put("grant_type", "client_credentials");
            form.put("client_id", salesforce.clientId());
            form.put("client_secret", salesforce.clientSecret());
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")))).build();
        HttpResponse<String> response = send(request, "POST " + uri);
        int status = response.statusCode();
        if (status != 200) {
            JsonNode error = readOrEmpty(response.body());
            String reason = error.has("error")
                    ? error.path("error").asText() + ": " + error.path("error_description").asText("")
                    : PeerClient.excerpt(response.body());
            throw new PeerClient.PeerCallFailed(PeerSystem.CRM, "Salesforce token (" + flowName(salesforce)
                    + ") refused with " + status + ": " + reason, PeerClient.isPermanent(status));
        }
        JsonNode answer = read(response.body());
        String accessToken = answer.path("access_token").asText("");
        if (accessToken.isBlank()) {
            throw new PeerClient.PeerCallFailed(PeerSystem.CRM, "Salesforce token answer without access_token: "
                    + PeerClient.excerpt(response.body()), false);
        }
        URI instance = answer.hasNonNull("instance_url") ? URI.create(answer.get("instance_url").asText()) : crm.url();
        Duration lifetime = answer.has("expires_in") ? Duration.ofSeconds(answer.get("expires_in").asLong())
                : salesforce.tokenLifetime();
        token = new Token(accessToken, instance, clock.instant().plus(lifetime));
        return token;
    }

    /** The JWT bearer assertion: issued by the app for the user, to the login server, valid for 3 minutes. */
    private String assertion(CrmAdapterProperties.Salesforce salesforce) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(salesforce.clientId())
                .subject(salesforce.username()).audience(salesforce.audience())
                .expirationTime(Date.from(clock.instant().plus(ASSERTION_VALIDITY))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(privateKey(salesforce.privateKey())));
        } catch (JOSEException e) {
            throw new IllegalStateException("pactum.integration.crm.salesforce.private-key cannot sign RS256", e);
        }
        return jwt.serialize();
    }

    /** Reads a PKCS#8 PEM RSA key; checked at start-up too, so a bad key fails early. */
    static PrivateKey privateKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        if (pem.contains("BEGIN RSA PRIVATE KEY") || base64.isEmpty()) {
            throw new IllegalArgumentException("pactum.integration.crm.salesforce.private-key: a PKCS#8 PEM"
                    + " (BEGIN PRIVATE KEY) is needed; convert with openssl pkcs8 -topk8 -nocrypt");
        }
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("pactum.integration.crm.salesforce.private-key is not an RSA key"
                    + " in PKCS#8 PEM", e);
        }
    }

    private HttpResponse<String> send(HttpRequest request, String call) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new PeerClient.PeerCallFailed(PeerSystem.CRM, call + ": no answer within " + timeout.toMillis()
                    + " ms", false);
        } catch (IOException e) {
            throw new PeerClient.PeerCallFailed(PeerSystem.CRM, call + ": " + e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerClient.PeerCallFailed(PeerSystem.CRM, call + ": interrupted", false);
        }
    }

    /** Salesforce's own words: {@code [{"message", "errorCode", "fields"}]}, each as {@code CODE: message}. */
    private String errors(String body) {
        JsonNode errors = readOrEmpty(body);
        if (errors.isArray() && !errors.isEmpty()) {
            return PeerClient.excerpt(StreamSupport.stream(errors.spliterator(), false)
                    .map(error -> error.path("errorCode").asText("?") + ": " + error.path("message").asText("")
                            + (error.path("fields").isArray() && !error.path("fields").isEmpty()
                            ? " " + error.path("fields") : ""))
                    .collect(Collectors.joining("; ")));
        }
        return PeerClient.excerpt(body == null ? "" : body);
    }

    private JsonNode read(String body) {
        JsonNode node = readOrEmpty(body);
        if (node.isMissingNode()) {
            throw new PeerClient.PeerCallFailed(PeerSystem.CRM, "Salesforce answered without JSON: " + PeerClient.excerpt(body),
                    false);
        }
        return node;
    }

    private JsonNode readOrEmpty(String body) {
        if (body == null || body.isBlank()) {
            return json.missingNode();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            return json.missingNode();
        }
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of plain values is always JSON", e);
        }
    }

    private static String flowName(CrmAdapterProperties.Salesforce salesforce) {
        return salesforce.flow() == CrmAdapterProperties.SalesforceFlow.JWT_BEARER ? "JWT bearer"
                : "client credentials";
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }


    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
