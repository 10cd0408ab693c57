package dev.pactum.approval;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Approving from an IM card (prefix {@code pactum.im-approval}).
 *
 * @param tolerance how far a callback's timestamp may be from Pactum's clock before it counts as stale
 * @param feishu    the Feishu (飞书) custom app that sends the cards and receives their callbacks
 * @param dingtalk  the DingTalk (钉钉) internal app whose robot sends the cards and receives their callbacks
 * @param wecom     the WeCom (企业微信) self-built app that sends the cards and receives their callbacks
 */
@ConfigurationProperties(prefix = "pactum.im-approval")
record ImApprovalProperties(@DefaultValue("PT5M") Duration tolerance, @DefaultValue Feishu feishu,
                            @DefaultValue DingTalk dingtalk, @DefaultValue WeCom wecom) {

    /** An IM app's switch and directory: Pactum user id → the user's id in the IM. */
    interface Directory {

        boolean enabled();

        Map<String, String> users();

        /** The Pactum user an IM user id belongs to, if the directory names one. */
        default Optional<String> pactumUser(String imUserId) {
            return users().entrySet().stream().filter(entry -> entry.getValue().equals(imUserId))
                    .map(Map.Entry::getKey).findFirst();
        }
    }

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
                  Map<String, String> users) implements Directory {

        Feishu {
            users = users == null ? Map.of() : Map.copyOf(users);
        }
    }

    /**
     * @param enabled          whether approvers with a DingTalk id get cards and the callback is accepted
     * @param apiUrl           DingTalk's open API
     * @param appKey           the internal app's AppKey (Client ID)
     * @param appSecret        its AppSecret (Client Secret): gets the access token and signs callbacks
     * @param robotCode        the app's robot that sends the cards in a one-to-one chat
     * @param callbackRouteKey the route registered for the app's card callbacks (HTTP) to reach Pactum
     * @param users            Pactum user id → the user's DingTalk {@code userId} in this organisation
     */
    record DingTalk(@DefaultValue("false") boolean enabled,
                    @DefaultValue("https://api.dingtalk.com") URI apiUrl,
                    String appKey, String appSecret, String robotCode, String callbackRouteKey,
                    Map<String, String> users) implements Directory {

        DingTalk {
            users = users == null ? Map.of() : Map.copyOf(users);
        }
    }

    /**
     * @param enabled        whether approvers with a WeCom id get cards and the callback is accepted
     * @param apiUrl         WeCom's server API
     * @param corpId         the organisation's CorpID (also the receiver id inside every encrypted callback)
     * @param corpSecret     the self-built app's Secret: gets the access token, binds each card to its receiver
     * @param agentId        the app's AgentId
     * @param token          the app's callback Token (signs callbacks: msg_signature)
     * @param encodingAesKey the app's callback EncodingAESKey (43 characters: the AES-256 key of callbacks)
     * @param users          Pactum user id → the user's WeCom {@code UserID} in this organisation
     */
    record WeCom(@DefaultValue("false") boolean enabled,
                 @DefaultValue("https://qyapi.weixin.qq.com") URI apiUrl,
                 String corpId, String corpSecret, String agentId, String token, String encodingAesKey,
                 Map<String, String> users) implements Directory {

        WeCom {
            users = users == null ? Map.of() : Map.copyOf(users);
        }
    }
}
