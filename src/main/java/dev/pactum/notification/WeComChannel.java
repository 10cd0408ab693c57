package dev.pactum.notification;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A WeCom (企业微信) group robot: a markdown message posted to its webhook URL ({@code …/cgi-bin/webhook/send?key=…}).
 * WeCom answers 200 even when it refuses; {@code errcode} other than 0 is a failure.
 */
@Component
class WeComChannel implements NotificationChannel {

    /** WeCom takes at most 4096 bytes of UTF-8 markdown. */
    static final int MAX_BYTES = 4096;

    private final WebhookClient client;

    WeComChannel(WebhookClient client) {
        this.client = client;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WECOM;
    }

    @Override
    public void send(OutgoingMessage message, Address to) {
        String content = ImText.fitUtf8("**" + message.subject() + "**\n" + message.body(), MAX_BYTES);
        JsonNode answer = client.postJson(URI.create(to.target()),
                Map.of("msgtype", "markdown", "markdown", Map.of("content", content)));
        if (!answer.path("errcode").isIntegralNumber() || answer.path("errcode").asLong() != 0) {
            throw new DeliveryFailed("WeCom refused the message: errcode " + answer.path("errcode").asText("?")
                    + ", " + answer.path("errmsg").asText(""), false);
        }
    }
}
