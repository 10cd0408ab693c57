package dev.pactum.approval;

import dev.pactum.web.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where an IM reports a click on an approval card. No user session: the provider's own signature proves the
 * sender (the security configuration lets exactly this path through), its directory entry names the approver.
 */
@RestController
@Tag(name = "Approvals", description = "审批 · approval history, delegation, out of office")
class ImCardController {

    private final Map<String, ImCardChannel> channels;
    private final ImCardDecisions decisions;

    ImCardController(List<ImCardChannel> channels, ImCardDecisions decisions) {
        this.channels = channels.stream().collect(Collectors.toMap(ImCardChannel::provider, channel -> channel));
        this.decisions = decisions;
    }

    @Operation(summary = "Decide an approval task from an IM card (feishu, dingtalk, wecom)",
            description = "feishu: card.action.trigger (schema 2.0), X-Lark-Signature = hex of SHA-256(X-Lark-Request-"
                    + "Timestamp + X-Lark-Request-Nonce + encrypt key + body), header.token = the verification token. "
                    + "dingtalk: the robot card's HTTP callback, headers timestamp (ms) and sign = Base64(HMAC-SHA256("
                    + "key app secret, timestamp + \"\\n\" + app secret)), the card id (outTrackId) bound to the user "
                    + "it was sent to. wecom: query msg_signature (SHA-1 hex of the sorted token, timestamp, nonce and the "
                    + "XML body's Encrypt), body decrypted with the EncodingAESKey, the card's task_id bound to the "
                    + "user it was sent to. Timestamps within pactum.im-approval.tolerance; a bad or stale signature is 401 "
                    + "and nothing is written. The answer is the IM's callback answer (message and updated card). The "
                    + "same event again has no further effect and gets the same answer.")
    @PostMapping("/api/integrations/im/{provider}/card-action")
    Map<String, Object> cardAction(@Parameter(description = "feishu, dingtalk or wecom") @PathVariable String provider,
                                   HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        ImCardChannel channel = channel(provider);
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        ImCardChannel.Callback callback = channel.authenticate(headers, query(request),
                body == null ? new byte[0] : body);
        if (callback instanceof ImCardChannel.Reply reply) {
            return reply.body();
        }
        ImCardAction action = ((ImCardChannel.Click) callback).action();
        return channel.answer(decisions.decide(action, channel.pactumUserOf(action.imUserId()), channel.label()));
    }

    @Operation(summary = "Answer an IM's check of the card callback URL (wecom)",
            description = "wecom: msg_signature = hex of SHA-1 of the sorted token, timestamp, nonce and echostr; "
                    + "echostr decrypted (AES-256-CBC, the EncodingAESKey) and its receiver the corp id; the answer "
                    + "is the decrypted text. A bad or stale signature is 401. Other IMs: 404.")
    @GetMapping("/api/integrations/im/{provider}/card-action")
    ResponseEntity<String> verifyUrl(@Parameter(description = "wecom") @PathVariable String provider,
                                     HttpServletRequest request) {
        // Not "produces": a refusal is problem+json whatever the check's answer would have been.
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(channel(provider).verifyUrl(query(request)));
    }

    private ImCardChannel channel(String provider) {
        ImCardChannel channel = channels.get(provider);
        if (channel == null) {
            throw DomainException.notFound("pactum.imcard.providerUnknown", provider);
        }
        return channel;
    }

    private static Map<String, String> query(HttpServletRequest request) {
        Map<String, String> query = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> query.put(name, values.length == 0 ? "" : values[0]));
        return query;
    }
}
