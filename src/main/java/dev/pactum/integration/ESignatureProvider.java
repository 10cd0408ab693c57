package dev.pactum.integration;

import dev.pactum.obligation.SigningProvider;
import dev.pactum.obligation.SigningService.CounterSignatureRequest;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An e-signature provider that collects the counterparty's signature on the company-signed PDF. A call that fails
 * throws {@link PeerClient.PeerCallFailed}: permanent when the provider refused the request (the same request would be
 * refused again), otherwise worth retrying.
 */
interface ESignatureProvider {

    SigningProvider id();

    /** Its credentials and callback address are set: it may send, and its callbacks are accepted. */
    boolean configured();

    /**
     * Its signed file is the company-signed PDF with the counterparty's signature added on top (an incremental
     * update), so the company's signature stays in it. A provider that renders the document anew and seals it
     * with its own signature (DocuSign) does not.
     */
    boolean keepsCompanySignature();

    /**
     * Uploads the PDF and opens a sign flow for the counterparty.
     *
     * @return the provider's id of the flow
     */
    String send(CounterSignatureRequest request);

    /**
     * Checks that a callback comes from the provider (its signature over the exact bytes, a fresh timestamp) and reads
     * it. Throws a 401 {@link dev.pactum.web.DomainException} otherwise, before anything is stored.
     *
     * @param headers the request's headers, names in lower case
     * @param query   the request's query parameters (first value of each)
     */
    Callback authenticate(Map<String, String> headers, Map<String, String> query, byte[] body);

    /**
     * A flow an earlier attempt opened for this contract without Pactum learning its id (the provider took the
     * request, the answer was lost: a timeout, a crash). Asked before sending again, so such a retry adopts that flow
     * instead of opening a second one. A provider without a way to look it up answers empty.
     *
     * @param since when the earlier attempt started
     */
    default Optional<String> openedEarlier(CounterSignatureRequest request, Instant since) {
        return Optional.empty();
    }

    /** The flow's signed PDF, once the flow is complete. */
    byte[] downloadSigned(String flowId);

    /**
     * What a callback reports.
     *
     * @param event       the provider's event name
     * @param flowId      the flow it is about (may be null for events about no flow)
     * @param outcome     how the flow ended, {@link Outcome#NONE} for an event that ends nothing (one signer done)
     * @param sentAt      when the provider says it sent it
     * @param description the provider's words on why it ended, if any
     */
    record Callback(String event, String flowId, Outcome outcome, Instant sentAt, String description) {
    }

    enum Outcome { SIGNED, REFUSED, EXPIRED, REVOKED, NONE }
}
