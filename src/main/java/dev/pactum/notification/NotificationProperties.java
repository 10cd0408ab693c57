package dev.pactum.notification;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings (prefix {@code pactum.notification}); the SMTP server itself is {@code spring.mail.*}.
 *
 * @param mailFrom            the sender of notification emails
 * @param delivery            retries of failed sends
 * @param robots              company-wide IM group robots and the kinds each receives
 * @param sms                 SMS through Aliyun (dysmsapi SendSms)
 * @param extraWebhookHosts   hosts besides the providers' own that personal webhooks may point at (a proxy)
 * @param connectTimeout      connecting to a robot or the SMS provider
 * @param timeout             waiting for a robot's or the SMS provider's answer
 */
@ConfigurationProperties(prefix = "pactum.notification")
record NotificationProperties(@DefaultValue("Pactum <noreply@pactum.example>") String mailFrom,
                              @DefaultValue Delivery delivery,
                              List<Robot> robots,
                              @DefaultValue Sms sms,
                              List<String> extraWebhookHosts,
                              @DefaultValue("PT5S") Duration connectTimeout,
                              @DefaultValue("PT10S") Duration timeout) {

    NotificationProperties {
        robots = robots == null ? List.of() : List.copyOf(robots);
        extraWebhookHosts = extraWebhookHosts == null ? List.of() : List.copyOf(extraWebhookHosts);
    }

    /**
     * @param maxAttempts       attempts per message before it is marked failed for an admin to see
     * @param firstRetryAfter   the wait after the first failure
     * @param backoffMultiplier each further wait is this many times the one before
     * @param maxRetryAfter     no wait is longer
     * @param poll              whether this node looks for due messages every {@code poll-interval}
     * @param pollInterval      how often
     * @param claimFor          how long a node may take over a message before another node may take it over
     */
    record Delivery(@DefaultValue("5") int maxAttempts,
                    @DefaultValue("PT1M") Duration firstRetryAfter,
                    @DefaultValue("4") double backoffMultiplier,
                    @DefaultValue("PT6H") Duration maxRetryAfter,
                    @DefaultValue("true") boolean poll,
                    @DefaultValue("PT30S") Duration pollInterval,
                    @DefaultValue("PT5M") Duration claimFor) {

        /** The wait after the {@code attempts}-th failed attempt. */
        Duration retryAfter(int attempts) {
            double millis = firstRetryAfter.toMillis() * Math.pow(backoffMultiplier, Math.max(0, attempts - 1));
            return millis >= maxRetryAfter.toMillis() ? maxRetryAfter : Duration.ofMillis((long) millis);
        }
    }

    /**
     * A company-wide group robot.
     *
     * @param name    how deliveries and the failed list name it ({@code robot:<name>})
     * @param channel DINGTALK, WECOM, FEISHU or SLACK
     * @param webhook the robot's webhook URL
     * @param secret  its signing secret (DingTalk "加签", Feishu "签名校验"), if set
     * @param kinds   the kinds of notification it receives
     */
    record Robot(String name, ChannelType channel, URI webhook, String secret, Set<NotificationKind> kinds) {

        Robot {
            kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        }
    }

    /**
     * @param enabled         whether users may choose SMS
     * @param endpoint        the SendSms endpoint
     * @param accessKeyId     the RAM user's AccessKey id
     * @param accessKeySecret its secret
     * @param signName        the approved signature (短信签名)
     * @param regionId        the region
     * @param templates       per kind: the approved template's code and which values it takes, in order
     */
    record Sms(@DefaultValue("false") boolean enabled,
               @DefaultValue("https://dysmsapi.aliyuncs.com/") URI endpoint,
               String accessKeyId, String accessKeySecret, String signName,
               @DefaultValue("cn-hangzhou") String regionId,
               Map<NotificationKind, SmsTemplate> templates) {

        Sms {
            templates = templates == null ? Map.of() : Map.copyOf(templates);
        }
    }

    /**
     * @param code   the template code, e.g. {@code SMS_123456789}
     * @param params the template's variables, each named like the notification value it takes ({@code number},
     *               {@code dueDate}, …)
     */
    record SmsTemplate(String code, List<String> params) {

        SmsTemplate {
            params = params == null ? List.of() : List.copyOf(params);
        }
    }
}
