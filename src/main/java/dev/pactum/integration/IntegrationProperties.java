package dev.pactum.integration;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Integration settings (prefix {@code pactum.integration}); every one is documented in README.
 *
 * @param finance            the finance system (财务): receivables pushed to it, payments reported by it
 * @param crm                the CRM: contract summaries pushed to it, customer changes reported by it
 * @param pm                 the project-management system: milestone acceptances reported by it (nothing pushed)
 * @param signatureTolerance how far an inbound event's timestamp may lie from Pactum's clock; older is a replay
 * @param connectTimeout     connecting to a peer
 * @param timeout            a whole outbound call; a slower peer counts as failed and the call is retried
 * @param pushOn             contract statuses whose entry is pushed to finance and the CRM (names, so statuses a
 *                           later feature adds, e.g. TERMINATED, need no code here)
 */
@ConfigurationProperties(prefix = "pactum.integration")
public record IntegrationProperties(
        @DefaultValue Peer finance,
        @DefaultValue Peer crm,
        @DefaultValue Peer pm,
        @DefaultValue("PT5M") Duration signatureTolerance,
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT30S") Duration timeout,
        @DefaultValue({"ACTIVE", "TERMINATED", "EXPIRED", "RENEWED"}) Set<String> pushOn) {

    /**
     * One peer system.
     *
     * @param enabled       off: nothing is pushed to it and its events are refused (404)
     * @param url           base URL of its generic JSON protocol endpoint; empty: nothing is pushed
     * @param username      HTTP Basic user for outbound calls (with {@code password})
     * @param password      HTTP Basic password
     * @param token         sent as {@code Authorization: Bearer} instead of Basic when set
     * @param inboundSecret the shared secret its events are signed with (HMAC-SHA256); empty: its events are refused
     */
    public record Peer(@DefaultValue("false") boolean enabled, URI url, String username, String password,
                       String token, String inboundSecret) {

        boolean pushes() {
            return enabled && url != null && !url.toString().isBlank();
        }

        boolean receives() {
            return enabled && inboundSecret != null && !inboundSecret.isBlank();
        }
    }

    Peer peer(PeerSystem system) {
        return switch (system) {
            case FINANCE -> finance;
            case CRM -> crm;
            case PM -> pm;
        };
    }
}
