package dev.pactum.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.notification.DingTalkSignature;
import dev.pactum.web.DomainException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Approval cards in DingTalk (钉钉互动卡片), through an internal app's robot: a {@code StandardCard} sent to each
 * approver in a one-to-one chat ({@code POST /v1.0/im/v1.0/robot/interactiveCards/send}, app access token), whose
 * buttons 通过 and 驳回 are request actions that DingTalk reports to the app's registered card callback (HTTP).
 * <p>
 * A callback is believed only when its {@code sign} header is Base64 of HMAC-SHA256 (key: the app secret, data:
 * {@code timestamp + "\n" + app secret}) for its {@code timestamp} header (milliseconds), within the tolerance. That
 * signature does not cover the body, so the card's id ({@code cardBizId}, reported back as {@code outTrackId}) carries
 * an HMAC of contract, task and receiver under the app secret: a callback speaks only for the user the card was sent
 * to, about that card's task. A callback has no event id of its own: card id and timestamp are its id, so the same
 * delivery again has one effect while a second click is a new event.
 */
@Component
class DingTalkCards implements ImCardChannel {

    static final String PROVIDER = "dingtalk";

    private final ImApprovalProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final RestClient http;
    private final ImCardHttp.AccessToken accessToken;

    DingTalkCards(ImApprovalProperties properties, ObjectMapper json, Clock clock, RestClient.Builder http) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.http = ImCardHttp.client(http);
        this.accessToken = new ImCardHttp.AccessToken(clock, this::grantAccessToken);
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public String label() {
        return "DingTalk 钉钉";
    }

    @Override
    public ImApprovalProperties.Directory directory() {
        return properties.dingtalk();
    }

    /** Sends the card to one approver; the card id is the same for the same task and approver, so a resend is one card. */
    @Override
    public void send(String userId, ImCard card) {
        ImApprovalProperties.DingTalk dingtalk = properties.dingtalk();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("cardTemplateId", "StandardCard");
        message.put("cardBizId", cardId(card.contractId(), card.taskId(), userId));
        message.put("robotCode", dingtalk.robotCode());
        message.put("singleChatReceiver", write(Map.of("userId", userId)));
        message.put("callbackRouteKey", dingtalk.callbackRouteKey());
        message.put("cardData", write(card(card)));
        JsonNode answer = http.post().uri(dingtalk.apiUrl() + "/v1.0/im/v1.0/robot/interactiveCards/send")
                .header("x-acs-dingtalk-access-token", accessToken.get())
                .contentType(MediaType.APPLICATION_JSON).body(message).retrieve().body(JsonNode.class);
        if (answer == null || !answer.hasNonNull("processQueryKey")) {
            throw new IllegalStateException("DingTalk refused the approval card: " + answer);
        }
    }

    private ImCardHttp.AccessToken.Grant grantAccessToken() {
        ImApprovalProperties.DingTalk dingtalk = properties.dingtalk();
        JsonNode answer = http.post().uri(dingtalk.apiUrl() + "/v1.0/oauth2/accessToken")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("appKey", dingtalk.appKey(), "appSecret", dingtalk.appSecret()))
                .retrieve().body(JsonNode.class);
        if (answer == null || !answer.hasNonNull("accessToken")) {
            throw new IllegalStateException("DingTalk gave no access token: " + answer);
        }
        return new ImCardHttp.AccessToken.Grant(answer.get("accessToken").asText(), answer.path("expireIn").asLong(0));
    }

    /** The StandardCard: details as text components (never markdown: titles and names are user input), links, buttons. */
    Map<String, Object> card(ImCard card) {
        List<Object> contents = new ArrayList<>();
        contents.add(text("contract", "合同 Contract: " + card.number() + " · " + card.title()));
        contents.add(text("customer", "客户 Customer: " + card.customer()));
        contents.add(text("amount", "金额 Amount: " + card.amount()));
        contents.add(text("risk", "风险 Risk: " + (card.riskLevel() == null ? "—" : card.riskLevel())));
        contents.add(Map.of("type", "markdown", "id", "links", "text", "[查看合同 Open contract](" + card.contractUrl()
                + ") · [在 Tasklist 中审批 Open in Tasklist](" + card.taskUrl() + ")"));
        if (card.open()) {
            contents.add(Map.of("type", "action", "id", "decision", "actions", List.of(
                    button("approve", "通过", "primary"), button("reject", "驳回", "warning"))));
        } else {
            contents.add(text("status", card.status()));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("config", Map.of("autoLayout", true, "enableForward", false));
        root.put("header", Map.of("title", Map.of("type", "text", "text", "合同审批 Approval " + card.number())));
        root.put("contents", contents);
        return root;
    }

    private static Map<String, Object> text(String id, String text) {
        return Map.of("type", "text", "id", id, "text", text);
    }

    private static Map<String, Object> button(String decision, String label, String status) {
        Map<String, Object> button = new LinkedHashMap<>();
        button.put("type", "button");
        button.put("id", decision);
        button.put("label", Map.of("type", "text", "text", label, "id", decision + "Label"));
        button.put("actionType", "request");
        button.put("status", status);
        return button;
    }

    @Override
    public Callback authenticate(Map<String, String> headers, Map<String, String> query, byte[] body) {
        ImApprovalProperties.DingTalk dingtalk = properties.dingtalk();
        if (!dingtalk.enabled() || blank(dingtalk.appSecret())) {
            throw DomainException.unauthorized("pactum.imcard.dingtalk.notConfigured");
        }
        String timestamp = headers.get("timestamp");
        String sign = headers.get("sign");
        if (timestamp == null || sign == null) {
            throw DomainException.unauthorized("pactum.imcard.dingtalk.signatureInvalid");
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw DomainException.unauthorized("pactum.imcard.stale");
        }
        ImCardHttp.requireFresh(Instant.ofEpochMilli(millis), clock, properties.tolerance());
        if (!ImCardHttp.sameSecret(DingTalkSignature.of(timestamp.trim(), dingtalk.appSecret()), sign)) {
            throw DomainException.unauthorized("pactum.imcard.dingtalk.signatureInvalid");
        }
        JsonNode payload = parse(body);
        String cardId = payload.path("outTrackId").asText("");
        String userId = payload.path("userId").asText("");
        ImCardHttp.CardRef ref = ImCardHttp.verifyCardId(cardId, dingtalk.appSecret(), '.', userId, PROVIDER,
                "pactum.imcard.dingtalk.signatureInvalid");
        JsonNode privateData = parseText(payload.path("content").asText("")).path("cardPrivateData");
        JsonNode comment = privateData.at("/params/comment");
        return new Click(new ImCardAction(PROVIDER, cardId + "@" + millis, userId, ref.taskId(), ref.contractId(),
                privateData.at("/actionIds/0").asText(""), comment.isTextual() ? comment.asText() : null));
    }

    /**
     * The card's id: contract, task and an HMAC-SHA256 of both and the receiver under the app secret (Base64url, 22
     * characters), so a callback about this card can only speak for its receiver.
     */
    String cardId(long contractId, String taskId, String userId) {
        return ImCardHttp.cardId(properties.dingtalk().appSecret(), '.', contractId, taskId, userId);
    }

    /** The callback's answer: the outcome, the message for the approver and, when the card changes, the new card. */
    @Override
    public Map<String, Object> answer(ImCardAnswer answer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", answer.outcome().name());
        body.put("message", answer.message());
        if (answer.card() != null) {
            body.put("cardData", write(card(answer.card())));
        }
        return body;
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException unreadable) {
            // answered below as any other unreadable callback
        }
        throw DomainException.unprocessable("pactum.imcard.actionUnreadable", PROVIDER);
    }

    private JsonNode parseText(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
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
}
