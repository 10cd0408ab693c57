package dev.pactum.approval;

/** The result of an approval round, held in the process variable {@code approvalOutcome} that the gateways read. */
public enum ApprovalOutcome {
    APPROVED,
    REJECTED,
    REVISE;

    static ApprovalOutcome of(Decision decision) {
        return switch (decision) {
            case APPROVE -> APPROVED;
            case REJECT -> REJECTED;
            case REVISE -> REVISE;
        };
    }
}
