package dev.pactum.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A Slack incoming webhook: the subject as a header block, the body as a mrkdwn section, and the subject as the
 * {@code text} notifications and old clients show. Slack answers {@code ok}; anything else is a failure.
 */
@Component
class SlackChannel implements NotificationChannel {

    /** Slack's limits: 150 characters for a header, 3000 for a section. */
    static final int MAX_HEADER = 150;
    static final int MAX_SECTION = 3000;

    private final WebhookClient client;
    private final ObjectMapper json;

    SlackChannel(WebhookClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public ChannelType type() {
        return ChannelType.SLACK;
    }

    @Override
    public void send(OutgoingMessage message, Address to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", message.subject());
        body.put("blocks", List.of(
                Map.of("type", "header", "text", Map.of("type", "plain_text",
                        "text", ImText.fit(message.subject(), MAX_HEADER))),
                Map.of("type", "section", "text", Map.of("type", "mrkdwn",
                        "text", ImText.fit(escape(message.body()), MAX_SECTION)))));
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new DeliveryFailed("could not write the message: " + e, true);
        }
        String answer = client.post(URI.create(to.target()), "application/json; charset=utf-8", payload);
        if (!answer.strip().equals("ok")) {
            throw new DeliveryFailed("Slack did not take the message: " + WebhookClient.shorten(answer), false);
        }
    }

    /** Slack reads &, < and > as markup in mrkdwn; a customer "A&B <CN>" must read as written. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
