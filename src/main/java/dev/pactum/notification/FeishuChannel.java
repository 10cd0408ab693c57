package dev.pactum.notification;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A Feishu (飞书) custom bot: a rich-text ("post") message, one paragraph per line, the link as a link. A bot with
 * "签名校验" gets {@code timestamp} (s) and {@code sign} = Base64 of HMAC-SHA256 keyed with "timestamp\nsecret" over
 * no bytes at all, in the body. Feishu answers 200 even when it refuses; {@code code} other than 0 is a failure.
 */
@Component
class FeishuChannel implements NotificationChannel {

    private final WebhookClient client;
    private final Clock clock;

    FeishuChannel(WebhookClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @Override
    public ChannelType type() {
        return ChannelType.FEISHU;
    }

    @Override
    public void send(OutgoingMessage message, Address to) {
        List<List<Map<String, String>>> paragraphs = new ArrayList<>();
        for (String line : message.body().split("\n", -1)) {
            paragraphs.add(List.of(line.equals(message.link())
                    ? Map.of("tag", "a", "text", line, "href", line)
                    : Map.of("tag", "text", "text", line)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (to.signed()) {
            long timestamp = clock.millis() / 1000;
            body.put("timestamp", Long.toString(timestamp));
            body.put("sign", sign(timestamp, to.secret()));
        }
        body.put("msg_type", "post");
        body.put("content", Map.of("post", Map.of("zh_cn",
                Map.of("title", message.subject(), "content", paragraphs))));
        JsonNode answer = client.postJson(URI.create(to.target()), body);
        // Feishu's current answer carries "code"; bots created long ago still answer "StatusCode".
        JsonNode code = answer.has("code") ? answer.path("code") : answer.path("StatusCode");
        if (!code.isIntegralNumber() || code.asLong() != 0) {
            throw new DeliveryFailed("Feishu refused the message: code " + code.asText("?") + ", "
                    + answer.path("msg").asText(answer.path("StatusMessage").asText("")), false);
        }
    }

    /** Base64 of HMAC-SHA256(key: "timestamp\nsecret", data: nothing). */
    static String sign(long timestampSeconds, String secret) {
        byte[] mac = WebhookClient.hmac("HmacSHA256",
                (timestampSeconds + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]);
        return Base64.getEncoder().encodeToString(mac);
    }
}
