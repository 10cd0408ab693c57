package dev.pactum.integration;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
 * Where e-signature providers report their sign flows. No user session: each request proves its sender with the
 * provider's own signature (see {@link ESignatureFlows}); the security configuration lets exactly this path through.
 */
@Tag(name = "Integrations")
@RestController
class ESignatureCallbackController {

    private final ESignatureFlows flows;

    ESignatureCallbackController(ESignatureFlows flows) {
        this.flows = flows;
    }

    @Operation(summary = "Receive an e-signature provider's signed callback (e签宝: esign)",
            description = "e签宝: X-Tsign-Open-SIGNATURE = hex of HMAC-SHA256(app secret, X-Tsign-Open-TIMESTAMP + "
                    + "query values in key order + body), the timestamp in ms at most pactum.signing.callback-tolerance"
                    + " from Pactum's clock. A bad or stale signature is 401; the same callback again has no further "
                    + "effect and is answered with duplicate=true.")
    @PostMapping("/api/integrations/esign/{provider}/callback")
    ESignatureFlows.Receipt callback(@Parameter(description = "esign") @PathVariable String provider,
                                     HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        Map<String, String> query = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> query.put(name, values.length == 0 ? "" : values[0]));
        return flows.receive(provider, headers, query, body == null ? new byte[0] : body);
    }
}
