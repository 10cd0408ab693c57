package dev.pactum.obligation;

import java.time.Instant;
import java.util.List;

/**
 * What {@code POST /api/documents/verify} finds in a PDF.
 *
 * @param valid      it carries at least one signature, every one is intact, and the last covers the whole file (no
 *                   byte was changed or added after the last signature)
 * @param signatures in the order they were added
 */
public record SignatureReport(boolean valid, List<Signature> signatures) {

    static SignatureReport of(List<Signature> signatures) {
        boolean valid = !signatures.isEmpty() && signatures.stream().allMatch(Signature::intact)
                && signatures.get(signatures.size() - 1).coversWholeDocument();
        return new SignatureReport(valid, List.copyOf(signatures));
    }

    /**
     * @param signer              the signer certificate's common name
     * @param signedAt            the time the signature states
     * @param intact              the CMS signature verifies and its digest matches the signed bytes
     * @param coversWholeDocument nothing follows the signature in the file
     * @param company             signed with this company's certificate
     * @param problem             why it is not intact, if it is not
     */
    public record Signature(String signer, String subject, String issuer, String serialNumber, Instant signedAt,
                            String subFilter, boolean intact, boolean coversWholeDocument, boolean company,
                            String problem) {

        static Signature broken(String name, Instant signedAt, String subFilter, String problem) {
            return new Signature(name, null, null, null, signedAt, subFilter, false, false, false, problem);
        }
    }
}
