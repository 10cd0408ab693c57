package dev.pactum.approval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pactum.web.DomainException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Approval cards in WeCom (企业微信), through a self-built app: a {@code template_card} of type
 * {@code button_interaction} sent to each approver ({@code POST /cgi-bin/message/send}, the app's access token from
 * {@code /cgi-bin/gettoken}), whose buttons 通过 and 驳回 come back as a {@code template_card_event} to the app's
 * callback URL.
 * <p>
 * A callback is believed only when its {@code msg_signature} query parameter is the hex of SHA-1 of the sorted
 * concatenation of the app's Token, {@code timestamp} (seconds, within the tolerance), {@code nonce} and the XML
 * body's {@code Encrypt}; that value then decrypts (AES-256-CBC, key = Base64 of EncodingAESKey + "=", IV = the key's
 * first 16 bytes, PKCS#7 padding to 32 bytes) to 16 random bytes, a 4-byte length, the event XML and the receiver,
 * which must be the corp id. The card's {@code task_id} carries contract, task and an HMAC of both and the receiver
 * under the app secret, so a callback speaks only for the user the card was sent to, about that card's task. The card
 * id, the user and the event's {@code CreateTime} are the event id: the same delivery again has one effect.
 */
@Component
class WeComCards implements ImCardChannel {

    static final String PROVIDER = "wecom";

    private final ImApprovalProperties properties;
    private final Clock clock;
    private final RestClient http;
    private final ImCardHttp.AccessToken accessToken;

    WeComCards(ImApprovalProperties properties, Clock clock, RestClient.Builder http) {
        this.properties = properties;
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
        return "WeCom 企业微信";
    }

    @Override
    public ImApprovalProperties.Directory directory() {
        return properties.wecom();
    }

    /** Sends the card to one approver; WeCom answers 200 even when it refuses: errcode other than 0 is a failure. */
    @Override
    public void send(String userId, ImCard card) {
        ImApprovalProperties.WeCom wecom = properties.wecom();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("touser", userId);
        message.put("msgtype", "template_card");
        message.put("agentid", Long.parseLong(wecom.agentId().trim()));
        message.put("template_card", card(card, cardId(card.contractId(), card.taskId(), userId)));
        JsonNode answer = http.post().uri(wecom.apiUrl() + "/cgi-bin/message/send?access_token={token}",
                        accessToken.get())
                .contentType(MediaType.APPLICATION_JSON).body(message).retrieve().body(JsonNode.class);
        if (answer == null || answer.path("errcode").asInt(-1) != 0) {
            throw new IllegalStateException("WeCom refused the approval card: " + answer);
        }
    }

    private ImCardHttp.AccessToken.Grant grantAccessToken() {
        ImApprovalProperties.WeCom wecom = properties.wecom();
        JsonNode answer = http.get().uri(wecom.apiUrl() + "/cgi-bin/gettoken?corpid={corpId}&corpsecret={secret}",
                wecom.corpId(), wecom.corpSecret()).retrieve().body(JsonNode.class);
        if (answer == null || answer.path("errcode").asInt(-1) != 0 || !answer.hasNonNull("access_token")) {
            throw new IllegalStateException("WeCom gave no access token: errcode "
                    + (answer == null ? "?" : answer.path("errcode").asText("?")));
        }
        return new ImCardHttp.AccessToken.Grant(answer.get("access_token").asText(),
                answer.path("expires_in").asLong(0));
    }

    /** The button_interaction card: the details as key/value lines (plain text), links, the two buttons. */
    Map<String, Object> card(ImCard card, String taskId) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("card_type", "button_interaction");
        root.put("source", Map.of("desc", "Pactum 合同审批"));
        root.put("main_title", Map.of("title", fit("合同审批 " + card.number(), 36), "desc", fit(card.title(), 44)));
        List<Object> lines = new ArrayList<>();
        lines.add(Map.of("keyname", "客户", "value", fit(card.customer(), 26)));
        lines.add(Map.of("keyname", "金额", "value", fit(card.amount(), 26)));
        lines.add(Map.of("keyname", "风险", "value", card.riskLevel() == null ? "—" : card.riskLevel()));
        root.put("horizontal_content_list", lines);
        root.put("jump_list", List.of(
                Map.of("type", 1, "title", "查看合同 Open contract", "url", card.contractUrl()),
                Map.of("type", 1, "title", "在 Tasklist 中审批", "url", card.taskUrl())));
        root.put("card_action", Map.of("type", 1, "url", card.contractUrl()));
        root.put("task_id", taskId);
        root.put("button_list", List.of(
                Map.of("text", "通过", "style", 1, "key", "approve"),
                Map.of("text", "驳回", "style", 2, "key", "reject")));
        return root;
    }

    private static String fit(String text, int max) {
        return text == null ? "—" : text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    @Override
    public Callback authenticate(Map<String, String> headers, Map<String, String> query, byte[] body) {
        ImApprovalProperties.WeCom wecom = requireConfigured();
        // Nothing is believed before the signature: an envelope without a readable Encrypt is unsigned.
        String encrypted = parseXml(body).map(envelope -> childText(envelope, "Encrypt")).orElse(null);
        Element event = parseXml(open(query, encrypted, wecom).getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() -> DomainException.unprocessable("pactum.imcard.actionUnreadable", PROVIDER));
        String userId = childText(event, "FromUserName");
        String cardId = childText(event, "TaskId");
        String createTime = childText(event, "CreateTime");
        if (!"event".equals(childText(event, "MsgType")) || !"template_card_event".equals(childText(event, "Event"))) {
            throw DomainException.unprocessable("pactum.imcard.actionUnreadable", PROVIDER);
        }
        ImCardHttp.CardRef ref = ImCardHttp.verifyCardId(cardId, wecom.corpSecret(), '@', userId, PROVIDER,
                "pactum.imcard.wecom.signatureInvalid");
        String decision = childText(event, "EventKey");
        return new Click(new ImCardAction(PROVIDER, cardId + "/" + userId + "/" + createTime, userId, ref.taskId(),
                ref.contractId(), decision == null ? "" : decision, null));
    }

    /** WeCom's check of the callback URL: the signed, encrypted {@code echostr} decrypted is the answer. */
    @Override
    public String verifyUrl(Map<String, String> query) {
        return open(query, query.get("echostr"), requireConfigured());
    }

    private ImApprovalProperties.WeCom requireConfigured() {
        ImApprovalProperties.WeCom wecom = properties.wecom();
        if (!wecom.enabled() || blank(wecom.token()) || blank(wecom.encodingAesKey()) || blank(wecom.corpId())
                || blank(wecom.corpSecret())) {
            throw DomainException.unauthorized("pactum.imcard.wecom.notConfigured");
        }
        return wecom;
    }

    /** Checks freshness and signature of an encrypted value, then decrypts it; anything wrong is a 401. */
    private String open(Map<String, String> query, String encrypted, ImApprovalProperties.WeCom wecom) {
        String timestamp = query.get("timestamp");
        String nonce = query.get("nonce");
        String signature = query.get("msg_signature");
        if (timestamp == null || nonce == null || signature == null || encrypted == null) {
            throw DomainException.unauthorized("pactum.imcard.wecom.signatureInvalid");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw DomainException.unauthorized("pactum.imcard.stale");
        }
        ImCardHttp.requireFresh(Instant.ofEpochSecond(seconds), clock, properties.tolerance());
        if (!ImCardHttp.sameSecret(signature(wecom.token(), timestamp, nonce, encrypted), signature)) {
            throw DomainException.unauthorized("pactum.imcard.wecom.signatureInvalid");
        }
        return decrypt(encrypted, wecom.encodingAesKey(), wecom.corpId());
    }

    /** msg_signature: hex of SHA-1 of the four values sorted and joined. */
    static String signature(String token, String timestamp, String nonce, String encrypted) {
        String[] values = {token, timestamp, nonce, encrypted};
        Arrays.sort(values);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", values).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    /** Decrypts a callback's value and returns its message; a wrong key, padding, length or receiver is a 401. */
    static String decrypt(String encrypted, String encodingAesKey, String corpId) {
        byte[] plain;
        try {
            byte[] key = Base64.getDecoder().decode(encodingAesKey.trim() + "=");
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new IvParameterSpec(Arrays.copyOf(key, 16)));
            plain = cipher.doFinal(Base64.getDecoder().decode(encrypted.trim()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw DomainException.unauthorized("pactum.imcard.wecom.undecryptable");
        }
        int pad = plain.length == 0 ? 0 : plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > 32 || plain.length < 20 + pad) {
            throw DomainException.unauthorized("pactum.imcard.wecom.undecryptable");
        }
        for (int i = plain.length - pad; i < plain.length; i++) {
            if ((plain[i] & 0xff) != pad) {
                throw DomainException.unauthorized("pactum.imcard.wecom.undecryptable");
            }
        }
        int content = plain.length - pad;
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        if (length < 0 || 20 + length > content) {
            throw DomainException.unauthorized("pactum.imcard.wecom.undecryptable");
        }
        byte[] receiver = Arrays.copyOfRange(plain, 20 + length, content);
        if (!MessageDigest.isEqual(corpId.getBytes(StandardCharsets.UTF_8), receiver)) {
            throw DomainException.unauthorized("pactum.imcard.wecom.corpMismatch");
        }
        return new String(plain, 20, length, StandardCharsets.UTF_8);
    }

    /**
     * The card's task_id (WeCom allows letters, digits and {@code _-@}): contract, task and an HMAC-SHA256 of both
     * and the receiver under the app secret (Base64url, 22 characters), joined by {@code @}.
     */
    String cardId(long contractId, String taskId, String userId) {
        return ImCardHttp.cardId(properties.wecom().corpSecret(), '@', contractId, taskId, userId);
    }

    /** The callback's answer: the outcome and the message for the approver. */
    @Override
    public Map<String, Object> answer(ImCardAnswer answer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", answer.outcome().name());
        body.put("message", answer.message());
        return body;
    }

    /** XML from outside: no DTD, no external entity, no XInclude; empty when it is not well-formed. */
    private static Optional<Element> parseXml(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return Optional.of(builder.parse(new ByteArrayInputStream(xml)).getDocumentElement());
        } catch (SAXException | IOException e) {
            return Optional.empty();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser has these features", e);
        }
    }

    private static String childText(Element parent, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().trim();
            }
        }
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
