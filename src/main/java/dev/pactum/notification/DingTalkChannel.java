package dev.pactum.notification;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A DingTalk (钉钉) custom robot: a markdown message. A robot with "加签" gets {@code timestamp} (ms) and
 * {@code sign} = URL-encoded Base64 of HMAC-SHA256, keyed with the secret, over "timestamp\nsecret". DingTalk answers
 * 200 even when it refuses; {@code errcode} other than 0 is a failure.
 */
@Component
class DingTalkChannel implements NotificationChannel {

    /** DingTalk's markdown limit is about 20,000 bytes; stay well inside it. */
    static final int MAX_TEXT = 5000;

    private final WebhookClient client;
    private final Clock clock;

    DingTalkChannel(WebhookClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @Override
    public ChannelType type() {
        return ChannelType.DINGTALK;
    }

    @Override
    public void send(OutgoingMessage message, Address to) {
        Map<String, Object> markdown = new LinkedHashMap<>();
        markdown.put("title", message.subject());
        // Markdown joins single lines; two trailing spaces keep the template's line breaks.
        markdown.put("text", ImText.fit("#### " + message.subject() + "\n\n" + message.body().replace("\n", "  \n"),
                MAX_TEXT));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msgtype", "markdown");
        body.put("markdown", markdown);
        JsonNode answer = client.postJson(signedUri(to), body);
        if (!answer.path("errcode").isIntegralNumber() || answer.path("errcode").asLong() != 0) {
            throw new DeliveryFailed("DingTalk refused the message: errcode " + answer.path("errcode").asText("?")
                    + ", " + answer.path("errmsg").asText(""), false);
        }
    }

    private URI signedUri(Address to) {
        if (!to.signed()) {
            return URI.create(to.target());
        }
        long timestamp = clock.millis();
        String sign = DingTalkSignature.of(Long.toString(timestamp), to.secret());
        String separator = to.target().contains("?") ? "&" : "?";
        return URI.create(to.target() + separator + "timestamp=" + timestamp + "&sign="
                + URLEncoder.encode(sign, StandardCharsets.UTF_8));
    }
}
