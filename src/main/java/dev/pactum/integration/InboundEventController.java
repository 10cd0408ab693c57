package dev.pactum.integration;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where finance, the CRM and the project system send their events. No user session: each request proves its sender
 * with its signature (see {@link InboundEvents}); the security configuration lets exactly this path through.
 */
@Tag(name = "Integrations")
@RestController
class InboundEventController {

    static final String EVENT_ID = "X-Pactum-Event-Id";
    static final String TIMESTAMP = "X-Pactum-Timestamp";
    static final String SIGNATURE = "X-Pactum-Signature";

    private final InboundEvents inbound;

    InboundEventController(InboundEvents inbound) {
        this.inbound = inbound;
    }

    @Operation(summary = "Receive a signed event from finance, the CRM or the project system",
            description = "Signature: X-Pactum-Signature = sha256=<hex of HMAC-SHA256(peer secret, "
                    + "X-Pactum-Timestamp + \".\" + body)>; the timestamp is epoch seconds and at most 5 minutes "
                    + "from Pactum's clock. A bad or stale signature is 401; the same event id again has no further "
                    + "effect and is answered with duplicate=true.")
    @PostMapping("/api/integrations/{peer}/events")
    InboundEvents.Receipt receive(@Parameter(description = "finance, crm or pm") @PathVariable String peer,
                                  @RequestHeader(name = EVENT_ID, required = false) String eventId,
                                  @RequestHeader(name = TIMESTAMP, required = false) String timestamp,
                                  @RequestHeader(name = SIGNATURE, required = false) String signature,
                                  @RequestBody(required = false) byte[] body) {
        return inbound.receive(peer, eventId, timestamp, signature, body == null ? new byte[0] : body);
    }
}
