package dev.pactum.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * SMS through Aliyun (Dysmsapi {@code SendSms}, version 2017-05-25): the kind's approved template, its variables
 * taken from the notification by name, POSTed as a form signed with {@link AliyunRpcSignature}. Aliyun answers 200
 * with {@code Code} "OK" when it took the message; any other code is a failure.
 */
@Component
class AliyunSmsChannel implements NotificationChannel {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    /** Codes that say the same request can never succeed (the rest, e.g. flow control, may pass later). */
    private static final Set<String> PERMANENT = Set.of("isv.MOBILE_NUMBER_ILLEGAL", "isv.SMS_TEMPLATE_ILLEGAL",
            "isv.SMS_SIGNATURE_ILLEGAL", "isv.TEMPLATE_MISSING_PARAMETERS", "isv.INVALID_PARAMETERS",
            "isv.MOBILE_COUNT_OVER_LIMIT", "InvalidAccessKeyId.NotFound", "SignatureDoesNotMatch");

    private final WebhookClient client;
    private final Clock clock;
    private final NotificationProperties properties;
    private final ObjectMapper json;

    AliyunSmsChannel(WebhookClient client, Clock clock, NotificationProperties properties, ObjectMapper json) {
        this.client = client;
        this.clock = clock;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public ChannelType type() {
        return ChannelType.SMS;
    }

    @Override
    public void send(OutgoingMessage message, Address to) {
        NotificationProperties.Sms sms = properties.sms();
        NotificationProperties.SmsTemplate template = sms.templates().get(message.kind());
        if (!sms.enabled() || template == null) {
            throw new DeliveryFailed("SMS is not set up for " + message.kind(), true);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("AccessKeyId", sms.accessKeyId());
        parameters.put("Action", "SendSms");
        parameters.put("Format", "JSON");
        parameters.put("PhoneNumbers", to.target());
        parameters.put("RegionId", sms.regionId());
        parameters.put("SignName", sms.signName());
        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("SignatureNonce", UUID.randomUUID().toString());
        parameters.put("SignatureVersion", "1.0");
        parameters.put("TemplateCode", template.code());
        parameters.put("TemplateParam", templateParam(template, message));
        parameters.put("Timestamp", TIMESTAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        parameters.put("Version", "2017-05-25");
        String signature = AliyunRpcSignature.sign("POST", parameters, sms.accessKeySecret());
        String form = "Signature=" + AliyunRpcSignature.percentEncode(signature) + "&"
                + AliyunRpcSignature.canonicalQuery(parameters);
        JsonNode answer = client.postForm(sms.endpoint(), form);
        String code = answer.path("Code").asText("");
        if (!code.equals("OK")) {
            throw new DeliveryFailed("Aliyun SMS refused the message: " + code + ", "
                    + answer.path("Message").asText(""), PERMANENT.contains(code));
        }
    }

    private String templateParam(NotificationProperties.SmsTemplate template, OutgoingMessage message) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : template.params()) {
            String value = message.model().get(name);
            if (value == null) {
                throw new DeliveryFailed("SMS template " + template.code() + " takes " + name + ", which "
                        + message.kind() + " does not have", true);
            }
            values.put(name, value);
        }
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new DeliveryFailed("could not write the template parameters: " + e, true);
        }
    }
}
