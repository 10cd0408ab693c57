package dev.pactum.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.web.DomainException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Approval cards in Feishu (飞书), through a custom app (自建应用): a card JSON 2.0 message sent to each approver
 * ({@code POST /open-apis/im/v1/messages}, tenant access token), whose buttons submit a form (comment + decision)
 * that Feishu reports as a {@code card.action.trigger} callback (schema 2.0).
 * <p>
 * A callback is believed only when {@code X-Lark-Signature} is the hex of SHA-256 over
 * {@code X-Lark-Request-Timestamp + X-Lark-Request-Nonce + encrypt key + body}, the timestamp is within the
 * tolerance, and {@code header.token} is the app's verification token; a body encrypted with the encrypt key
 * ({@code {"encrypt": …}}, AES-256-CBC, key = SHA-256 of the encrypt key, IV = the first 16 bytes) is decrypted
 * after its signature checked out.
 */
@Component
class FeishuCards implements ImCardChannel {

    static final String PROVIDER = "feishu";

    private final ImApprovalProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final RestClient http;
    private final ImCardHttp.AccessToken tenantToken;

    FeishuCards(ImApprovalProperties properties, ObjectMapper json, Clock clock, RestClient.Builder http) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.http = ImCardHttp.client(http);
        this.tenantToken = new ImCardHttp.AccessToken(clock, this::grantTenantToken);
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public String label() {
        return "Feishu 飞书";
    }

    @Override
    public ImApprovalProperties.Directory directory() {
        return properties.feishu();
    }

    /** Sends the card to one approver; Feishu drops a second message with the same {@code uuid} within an hour. */
    @Override
    public void send(String openId, ImCard card) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("receive_id", openId);
        message.put("msg_type", "interactive");
        message.put("content", write(card(card)));
        message.put("uuid", sha256Hex(card.taskId() + "/" + openId).substring(0, 32));
        JsonNode answer = http.post()
                .uri(properties.feishu().apiUrl() + "/open-apis/im/v1/messages?receive_id_type=open_id")
                .header("Authorization", "Bearer " + tenantToken.get())
                .contentType(MediaType.APPLICATION_JSON).body(message).retrieve().body(JsonNode.class);
        if (answer == null || answer.path("code").asInt(-1) != 0) {
            throw new IllegalStateException("Feishu refused the approval card: " + answer);
        }
    }

    private ImCardHttp.AccessToken.Grant grantTenantToken() {
        JsonNode answer = http.post()
                .uri(properties.feishu().apiUrl() + "/open-apis/auth/v3/tenant_access_token/internal")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("app_id", properties.feishu().appId(), "app_secret", properties.feishu().appSecret()))
                .retrieve().body(JsonNode.class);
        if (answer == null || answer.path("code").asInt(-1) != 0 || !answer.hasNonNull("tenant_access_token")) {
            throw new IllegalStateException("Feishu gave no tenant access token: " + answer);
        }
        return new ImCardHttp.AccessToken.Grant(answer.get("tenant_access_token").asText(),
                answer.path("expire").asLong(0));
    }

    /** The card JSON 2.0: details as plain text (never markdown: titles and names are user input), links, form. */
    Map<String, Object> card(ImCard card) {
        List<Object> elements = new ArrayList<>();
        elements.add(plain("合同 Contract: " + card.number() + " · " + card.title()));
        elements.add(plain("客户 Customer: " + card.customer()));
        elements.add(plain("金额 Amount: " + card.amount()));
        elements.add(plain("风险 Risk: " + (card.riskLevel() == null ? "—" : card.riskLevel())));
        elements.add(Map.of("tag", "markdown", "content", "[查看合同 Open contract](" + card.contractUrl()
                + ") · [在 Tasklist 中审批 Open in Tasklist](" + card.taskUrl() + ")"));
        if (card.open()) {
            List<Object> form = new ArrayList<>();
            form.add(Map.of("tag", "input", "name", "comment", "max_length", 1000,
                    "placeholder", Map.of("tag", "plain_text",
                            "content", "审批意见（退回、驳回必填） Comment (required to send back or reject)")));
            form.add(button("approve", "同意 Approve", "primary_filled", card));
            form.add(button("revise", "退回修改 Send back", "default", card));
            form.add(button("reject", "驳回 Reject", "danger", card));
            elements.add(Map.of("tag", "form", "name", "decision", "elements", form));
        } else {
            elements.add(plain(card.status()));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", "2.0");
        root.put("config", Map.of("update_multi", true));
        root.put("header", Map.of("title", Map.of("tag", "plain_text", "content", "合同审批 Approval " + card.number()),
                "template", switch (card.tone() == null ? "" : card.tone()) {
                    case "done" -> "green";
                    case "refused" -> "red";
                    case "info" -> "grey";
                    default -> "blue";
                }));
        root.put("body", Map.of("elements", elements));
        return root;
    }

    private static Map<String, Object> plain(String text) {
        return Map.of("tag", "div", "text", Map.of("tag", "plain_text", "content", text));
    }

    private static Map<String, Object> button(String decision, String label, String type, ImCard card) {
        Map<String, Object> button = new LinkedHashMap<>();
        button.put("tag", "button");
        button.put("name", decision);
        button.put("text", Map.of("tag", "plain_text", "content", label));
        button.put("type", type);
        button.put("form_action_type", "submit");
        button.put("behaviors", List.of(Map.of("type", "callback", "value", Map.of(
                "taskId", card.taskId(), "contractId", card.contractId(), "decision", decision))));
        return button;
    }

    /** Checks and reads a callback: a URL check (answered with its challenge) or a click; a wrong token is a 401 too. */
    @Override
    public Callback authenticate(Map<String, String> headers, Map<String, String> query, byte[] body) {
        ImApprovalProperties.Feishu feishu = properties.feishu();
        if (!feishu.enabled() || blank(feishu.encryptKey()) || blank(feishu.verificationToken())) {
            throw DomainException.unauthorized("pactum.imcard.notConfigured", PROVIDER);
        }
        String timestamp = headers.get("x-lark-request-timestamp");
        String nonce = headers.get("x-lark-request-nonce");
        String signature = headers.get("x-lark-signature");
        JsonNode parsed = parse(body);
        boolean urlCheck = parsed.has("encrypt") ? false : "url_verification".equals(parsed.path("type").asText());
        if (timestamp == null || nonce == null || signature == null) {
            if (!urlCheck) {
                throw DomainException.unauthorized("pactum.imcard.feishu.signatureInvalid");
            }
        } else {
            verify(timestamp, nonce, signature, body, feishu.encryptKey());
        }
        JsonNode payload = parsed.has("encrypt") ? parse(decrypt(parsed.get("encrypt").asText(), feishu.encryptKey()))
                : parsed;
        if ("url_verification".equals(payload.path("type").asText())) {
            if (!feishu.verificationToken().equals(payload.path("token").asText())) {
                throw DomainException.unauthorized("pactum.imcard.feishu.signatureInvalid");
            }
            return new Reply(Map.of("challenge", payload.path("challenge").asText()));
        }
        if (signature == null) {
            throw DomainException.unauthorized("pactum.imcard.feishu.signatureInvalid");
        }
        JsonNode header = payload.path("header");
        if (!ImCardHttp.sameSecret(feishu.verificationToken(), header.path("token").asText())) {
            throw DomainException.unauthorized("pactum.imcard.feishu.signatureInvalid");
        }
        JsonNode event = payload.path("event");
        JsonNode value = event.at("/action/value");
        if (!"card.action.trigger".equals(header.path("event_type").asText()) || !header.hasNonNull("event_id")
                || !event.at("/operator/open_id").isTextual() || !value.path("taskId").isTextual()
                || !value.path("contractId").canConvertToLong()) {
            throw DomainException.unprocessable("pactum.imcard.actionUnreadable", PROVIDER);
        }
        JsonNode comment = event.at("/action/form_value/comment");
        return new Click(new ImCardAction(PROVIDER, header.get("event_id").asText(),
                event.at("/operator/open_id").asText(), value.get("taskId").asText(),
                value.get("contractId").asLong(), value.path("decision").asText(),
                comment.isTextual() ? comment.asText() : null));
    }

    private void verify(String timestamp, String nonce, String signature, byte[] body, String encryptKey) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw DomainException.unauthorized("pactum.imcard.stale");
        }
        ImCardHttp.requireFresh(Instant.ofEpochSecond(seconds), clock, properties.tolerance());
        String expected = signature(timestamp, nonce, encryptKey, body);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            throw DomainException.unauthorized("pactum.imcard.feishu.signatureInvalid");
        }
    }

    /** Hex of SHA-256 over timestamp + nonce + encrypt key + body, as Feishu signs a callback. */
    static String signature(String timestamp, String nonce, String encryptKey, byte[] body) {
        MessageDigest sha256 = sha256();
        sha256.update((timestamp + nonce + encryptKey).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest(body));
    }

    static byte[] decrypt(String encrypted, String encryptKey) {
        try {
            byte[] data = java.util.Base64.getDecoder().decode(encrypted);
            Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(Cipher.DECRYPT_MODE,
                    new SecretKeySpec(sha256().digest(encryptKey.getBytes(StandardCharsets.UTF_8)), "AES"),
                    new IvParameterSpec(Arrays.copyOfRange(data, 0, 16)));
            return aes.doFinal(data, 16, data.length - 16);
        } catch (GeneralSecurityException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw DomainException.unauthorized("pactum.imcard.feishu.signatureInvalid");
        }
    }

    /** The callback's answer: a toast and, when the card changes, the card as it now stands. */
    @Override
    public Map<String, Object> answer(ImCardAnswer answer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("toast", Map.of("type", switch (answer.outcome()) {
            case DONE -> "success";
            case REFUSED -> "error";
            case ALREADY_DECIDED -> "info";
        }, "content", answer.message()));
        if (answer.card() != null) {
            body.put("card", Map.of("type", "raw", "data", card(answer.card())));
        }
        return body;
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw DomainException.unauthorized("pactum.imcard.feishu.signatureInvalid");
            }
            return node;
        } catch (java.io.IOException e) {
            throw DomainException.unauthorized("pactum.imcard.feishu.signatureInvalid");
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
