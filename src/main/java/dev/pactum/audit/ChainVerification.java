package dev.pactum.audit;

import java.time.Instant;

/**
 * The result of walking the whole chain.
 *
 * @param intact      no broken link found
 * @param rowsChecked rows read
 * @param firstSeq    the oldest row still kept (rows before it were purged under an anchor)
 * @param lastSeq     the newest row
 * @param headHash    the newest row's hash: write it down elsewhere now and then; a later chain must still
 *                    contain a row with that hash, which also shows if rows were cut off the end
 * @param anchor      where the chain starts after a retention purge; null if nothing was ever purged
 * @param firstBreak  the first broken link, or null
 */
public record ChainVerification(boolean intact, long rowsChecked, Long firstSeq, Long lastSeq, String headHash,
                                Anchor anchor, Break firstBreak) {

    public enum Reason {
        /** The row's fields no longer give its stored hash: the row was changed. */
        CONTENT_ALTERED,
        /** The row's prev_hash is not the previous row's hash: the previous row was changed or replaced. */
        PREVIOUS_HASH_MISMATCH,
        /** A sequence number is missing before this row: rows were deleted. */
        SEQUENCE_GAP,
        /** The newest anchor is not backed by an AUDIT_PURGE row in the chain. */
        ANCHOR_NOT_RECORDED
    }

    /**
     * @param seq      the row where the chain breaks
     * @param reason   how it breaks
     * @param expected what the chain says should be there (a hash or a seq)
     * @param found    what is there
     */
    public record Break(long seq, Reason reason, String expected, String found) {
    }

    public record Anchor(long throughSeq, String rowHash, long purgedRows, Instant createdAt, String createdBy) {
    }
}
