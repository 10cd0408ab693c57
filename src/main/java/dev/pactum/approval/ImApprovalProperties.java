package dev.pactum.approval;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Approving from an IM card (prefix {@code pactum.im-approval}).
 *
 * @param tolerance how far a callback's timestamp may be from Pactum's clock before it counts as stale
 * @param feishu    the Feishu (飞书) custom app that sends the cards and receives their callbacks
 */
@ConfigurationProperties(prefix = "pactum.im-approval")
record ImApprovalProperties(@DefaultValue("PT5M") Duration tolerance, @DefaultValue Feishu feishu) {

    /**
     * @param enabled           whether approvers with a Feishu id get cards and the callback is accepted
     * @param apiUrl            Feishu's open API
     * @param appId             the custom app's App ID
     * @param appSecret         its App Secret
     * @param verificationToken the app's Verification Token (checked in every callback's {@code header.token})
     * @param encryptKey        the app's Encrypt Key: signs ({@code X-Lark-Signature}) and encrypts callbacks
     * @param users             Pactum user id → the user's Feishu {@code open_id} in this app (the IM directory)
     */
    record Feishu(@DefaultValue("false") boolean enabled,
                  @DefaultValue("https://open.feishu.cn") URI apiUrl,
                  String appId, String appSecret, String verificationToken, String encryptKey,
                  Map<String, String> users) {

        Feishu {
            users = users == null ? Map.of() : Map.copyOf(users);
        }

        /** The Pactum user an {@code open_id} belongs to, if the directory names one. */
        java.util.Optional<String> pactumUser(String openId) {
            return users.entrySet().stream().filter(entry -> entry.getValue().equals(openId)).map(Map.Entry::getKey)
                    .findFirst();
        }
    }
}
