package dev.pactum.approval;

import dev.pactum.web.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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

    private final FeishuCards feishu;
    private final ImCardDecisions decisions;

    ImCardController(FeishuCards feishu, ImCardDecisions decisions) {
        this.feishu = feishu;
        this.decisions = decisions;
    }

    @Operation(summary = "Decide an approval task from an IM card (feishu)",
            description = "Feishu card.action.trigger (schema 2.0): X-Lark-Signature = hex of SHA-256(X-Lark-Request-"
                    + "Timestamp + X-Lark-Request-Nonce + encrypt key + body), the timestamp within "
                    + "pactum.im-approval.tolerance, header.token = the verification token; a bad or stale signature "
                    + "is 401 and nothing is written. The answer is Feishu's callback answer (toast and updated card). "
                    + "The same event id again has no further effect and gets the same answer.")
    @PostMapping("/api/integrations/im/{provider}/card-action")
    Map<String, Object> cardAction(@Parameter(description = "feishu") @PathVariable String provider,
                                   HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        if (!FeishuCards.PROVIDER.equals(provider)) {
            throw DomainException.notFound("pactum.imcard.providerUnknown", provider);
        }
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        FeishuCards.Callback callback = feishu.authenticate(headers, body == null ? new byte[0] : body);
        if (callback instanceof FeishuCards.UrlCheck check) {
            return Map.of("challenge", check.challenge());
        }
        ImCardAction action = ((FeishuCards.Click) callback).action();
        return feishu.answer(decisions.decide(action, feishu.pactumUserOf(action.imUserId()), "Feishu 飞书"));
    }
}
