package dev.pactum.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pactum.obligation.SigningProperties;
import dev.pactum.obligation.SigningProvider;
import dev.pactum.obligation.SigningService.CounterSignatureRequest;
import dev.pactum.web.DomainException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * DocuSign eSignature REST API v2.1, as DocuSign's public documentation describes it.
 * <ul>
 * <li>Token: JWT grant. An RS256 assertion ({@code iss} integration key, {@code sub} the user acted as, {@code aud}
 * the account server's host, {@code scope} "signature impersonation", an hour at most) posted to
 * {@code /oauth/token} as {@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer}; kept until shortly before
 * it expires (the grant gives no refresh token).</li>
 * <li>Sending: {@code POST /restapi/v2.1/accounts/{accountId}/envelopes} with the PDF, the customer's contact as the
 * signer, {@code status: sent}, a custom field naming the contract and an {@code eventNotification} (Connect, JSON,
 * HMAC) to the callback for completed, declined and voided envelopes.</li>
 * <li>Connect: {@code X-DocuSign-Signature-1} (and {@code -2}… while keys rotate) = Base64(HMAC-SHA256(Connect key,
 * body)); any one matching is enough.</li>
 * <li>Lost answers: {@code GET …/envelopes?from_date=…&custom_field=pactumContract=<number>} finds an envelope an
 * attempt created whose answer never arrived.</li>
 * <li>Download: {@code GET …/envelopes/{envelopeId}/documents/combined}.</li>
 * </ul>
 */
class DocuSign implements ESignatureProvider {

    private static final String JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final Duration TOKEN_MARGIN = Duration.ofMinutes(5);
    private static final int MAX_SIGNATURE_HEADERS = 100;

    private final SigningProperties.DocuSign settings;
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json;
    private final Clock clock;
    private String token;
    private Instant tokenExpiresAt = Instant.MIN;

    DocuSign(SigningProperties signing, HttpClient http, Duration timeout, ObjectMapper json, Clock clock) {
        this.settings = signing.docusign();
        this.http = http;
        this.timeout = timeout;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public SigningProvider id() {
        return SigningProvider.DOCUSIGN;
    }

    @Override
    public boolean configured() {
        return settings.configured();
    }

    @Override
    public boolean keepsCompanySignature() {
        return false;
    }

    @Override
    public String send(CounterSignatureRequest request) {
        if (request.signerEmail() == null || request.signerEmail().isBlank()) {
            throw new PeerClient.PeerCallFailed(id().id(), "customer " + request.customerName() + " of contract "
                    + request.number() + " has no contact email to send the envelope to", true);
        }
        ObjectNode envelope = json.createObjectNode();
        envelope.put("emailSubject", shorten("请签署合同 Please sign contract " + request.number() + " "
                + request.title(), 100));
        envelope.put("status", "sent");
        envelope.putArray("documents").addObject()
                .put("documentBase64", Base64.getEncoder().encodeToString(request.pdf()))
                .put("name", request.number() + ".pdf").put("fileExtension", "pdf").put("documentId", "1");
        String name = request.signerName() == null || request.signerName().isBlank() ? request.customerName()
                : request.signerName();
        envelope.putObject("recipients").putArray("signers").addObject()
                .put("email", request.signerEmail().trim()).put("name", name).put("recipientId", "1")
                .put("routingOrder", "1");
        envelope.putObject("customFields").putArray("textCustomFields").addObject()
                .put("name", "pactumContract").put("value", request.number()).put("show", "false");
        ObjectNode notification = envelope.putObject("eventNotification");
        notification.put("url", settings.callbackUrl().toString()).put("requireAcknowledgment", "true")
                .put("includeHMAC", "true").put("deliveryMode", "SIM");
        notification.putArray("events").add("envelope-completed").add("envelope-declined").add("envelope-voided");
        notification.putObject("eventData").put("version", "restv2.1").put("format", "json");
        HttpResponse<String> response = exchange(authorized(HttpRequest.newBuilder(api("/envelopes")))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(envelope))), "POST envelopes",
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        requireSuccess(response.statusCode(), "POST envelopes", response.body());
        String envelopeId = read(response.body()).path("envelopeId").asText("");
        if (envelopeId.isBlank()) {
            throw new PeerClient.PeerCallFailed(id().id(), "POST envelopes answered without envelopeId", false);
        }
        return envelopeId;
    }

    /** Envelopes created since then carrying the contract's {@code pactumContract} custom field, not voided. */
    @Override
    public Optional<String> openedEarlier(CounterSignatureRequest request, Instant since) {
        String query = "?from_date=" + URLEncoder.encode(since.minus(Duration.ofHours(1)).toString(),
                StandardCharsets.UTF_8) + "&custom_field=" + URLEncoder.encode("pactumContract=" + request.number(),
                StandardCharsets.UTF_8);
        HttpResponse<String> response = exchange(authorized(HttpRequest.newBuilder(api("/envelopes" + query)))
                .header("Accept", "application/json").GET(), "GET envelopes of " + request.number(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        requireSuccess(response.statusCode(), "GET envelopes of " + request.number(), response.body());
        for (JsonNode envelope : read(response.body()).path("envelopes")) {
            if (!"voided".equals(envelope.path("status").asText()) && envelope.path("envelopeId").isTextual()) {
                return Optional.of(envelope.path("envelopeId").asText());
            }
        }
        return Optional.empty();
    }

    @Override
    public byte[] downloadSigned(String envelopeId) {
        String what = "GET envelope " + envelopeId + " combined document";
        HttpResponse<byte[]> response = exchange(authorized(HttpRequest.newBuilder(
                api("/envelopes/" + envelopeId + "/documents/combined"))).header("Accept", "application/pdf").GET(),
                what, HttpResponse.BodyHandlers.ofByteArray());
        requireSuccess(response.statusCode(), what, new String(response.body(), StandardCharsets.UTF_8));
        return response.body();
    }

    /**
     * Connect messages carry no timestamp to check: DocuSign retries a message for hours with the same body. A
     * replay has no effect all the same, since the same content is acted on once and a flow that ended stays ended.
     */
    @Override
    public Callback authenticate(Map<String, String> headers, Map<String, String> query, byte[] body) {
        byte[] expected = Signatures.hmacSha256(settings.connectSecret(), body);
        boolean signed = false;
        boolean matches = false;
        for (int key = 1; key <= MAX_SIGNATURE_HEADERS; key++) {
            String signature = headers.get("x-docusign-signature-" + key);
            if (signature == null) {
                break;
            }
            signed = true;
            try {
                matches |= MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.trim()));
            } catch (IllegalArgumentException notBase64) {
                // a malformed header matches nothing
            }
        }
        if (!signed) {
            throw DomainException.unauthorized("pactum.esign.docusign.signatureMissing");
        }
        if (!matches) {
            throw DomainException.unauthorized("pactum.esign.docusign.signatureInvalid");
        }
        JsonNode message;
        try {
            message = json.readTree(body);
        } catch (IOException e) {
            message = null;
        }
        if (message == null || !message.isObject() || !message.path("event").isTextual()) {
            throw DomainException.unprocessable("pactum.esign.bodyNotObject");
        }
        String event = message.path("event").asText();
        JsonNode data = message.path("data");
        String voidedReason = data.path("envelopeSummary").path("voidedReason").asText("");
        Outcome outcome = switch (event) {
            case "envelope-completed" -> Outcome.SIGNED;
            case "envelope-declined" -> Outcome.REFUSED;
            case "envelope-voided" -> voidedReason.toLowerCase(Locale.ROOT).contains("expired") ? Outcome.EXPIRED
                    : Outcome.REVOKED;
            default -> Outcome.NONE;
        };
        String envelopeId = data.path("envelopeId").isTextual() ? data.path("envelopeId").asText() : null;
        return new Callback(event, envelopeId, outcome, generatedAt(message), voidedReason.isBlank() ? null
                : voidedReason);
    }

    private Instant generatedAt(JsonNode message) {
        try {
            return Instant.parse(message.path("generatedDateTime").asText());
        } catch (DateTimeParseException e) {
            return clock.instant();
        }
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + accessToken());
    }

    private synchronized String accessToken() {
        Instant now = clock.instant();
        if (token != null && now.isBefore(tokenExpiresAt.minus(TOKEN_MARGIN))) {
            return token;
        }
        String form = "grant_type=" + URLEncoder.encode(JWT_GRANT, StandardCharsets.UTF_8) + "&assertion="
                + URLEncoder.encode(assertion(now), StandardCharsets.UTF_8);
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(
                stripSlash(settings.oauthUrl().toString()) + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)), "POST oauth/token",
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        requireSuccess(response.statusCode(), "POST oauth/token", response.body());
        JsonNode answer = read(response.body());
        String accessToken = answer.path("access_token").asText("");
        if (accessToken.isBlank()) {
            throw new PeerClient.PeerCallFailed(id().id(), "POST oauth/token answered without access_token", false);
        }
        token = accessToken;
        tokenExpiresAt = now.plusSeconds(answer.path("expires_in").asLong(TOKEN_LIFETIME.toSeconds()));
        return token;
    }

    /** The JWT grant's assertion, RS256 with the app's private key. */
    String assertion(Instant now) {
        ObjectNode header = json.createObjectNode().put("alg", "RS256").put("typ", "JWT");
        ObjectNode claims = json.createObjectNode().put("iss", settings.integrationKey())
                .put("sub", settings.userId()).put("aud", settings.oauthUrl().getHost())
                .put("iat", now.getEpochSecond()).put("exp", now.plus(TOKEN_LIFETIME).getEpochSecond())
                .put("scope", "signature impersonation");
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signingInput = url.encodeToString(bytes(header)) + "." + url.encodeToString(bytes(claims));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + url.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new PeerClient.PeerCallFailed(id().id(), "cannot sign the JWT grant: " + e.getMessage(), true);
        }
    }

    private PrivateKey privateKey() {
        try (PEMParser pem = new PEMParser(new StringReader(settings.privateKey()))) {
            Object read = pem.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (read instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (read instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
        } catch (IOException | RuntimeException e) {
            throw new PeerClient.PeerCallFailed(id().id(), "pactum.signing.docusign.private-key is not a PEM RSA"
                    + " private key: " + e.getMessage(), true);
        }
        throw new PeerClient.PeerCallFailed(id().id(), "pactum.signing.docusign.private-key is not a PEM RSA"
                + " private key", true);
    }

    private void requireSuccess(int status, String what, String body) {
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 401) {
            synchronized (this) {
                token = null;
            }
        }
        boolean permanent = PeerClient.isPermanent(status) && status != 401;
        throw new PeerClient.PeerCallFailed(id().id(), what + " answered " + status + ": " + PeerClient.excerpt(body), permanent);
    }

    private URI api(String path) {
        return URI.create(stripSlash(settings.apiUrl().toString()) + "/restapi/v2.1/accounts/"
                + settings.accountId() + path);
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, String what,
                                         HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request.version(HttpClient.Version.HTTP_1_1).timeout(timeout).build(), handler);
        } catch (HttpTimeoutException e) {
            throw new PeerClient.PeerCallFailed(id().id(), what + ": no answer within " + timeout.toMillis() + " ms",
                    false);
        } catch (IOException e) {
            throw new PeerClient.PeerCallFailed(id().id(), what + ": " + e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerClient.PeerCallFailed(id().id(), what + ": interrupted", false);
        }
    }

    private JsonNode read(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node == null ? json.createObjectNode() : node;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }


    private static String shorten(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
