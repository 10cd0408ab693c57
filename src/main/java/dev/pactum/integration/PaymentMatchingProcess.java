package dev.pactum.integration;

/**
 * The vocabulary of {@code processes/payment-matching.bpmn}: finance matches by hand a payment its system reported
 * that Pactum could not match. The BPMN file and the form {@code forms/match-payment.form} are the only other places
 * these names are written.
 */
public final class PaymentMatchingProcess {

    public static final String KEY = "paymentMatching";

    /** Element ids, as in the model. */
    public static final class Element {
        public static final String MATCH_PAYMENT = "matchPayment";
        public static final String MATCHED = "paymentMatched";

        private Element() {
        }
    }

    /** Process variables: what the form shows (set by Pactum at start) and what finance answers (task-local). */
    public static final class Var {
        public static final String FINANCE_GROUP = "financeGroup";
        public static final String REASON_LABEL = "reasonLabel";
        public static final String AMOUNT_TEXT = "amountText";
        public static final String PAID_ON = "paidOn";
        public static final String REFERENCE = "reference";
        public static final String REPORTED_CONTRACT_NUMBER = "reportedContractNumber";
        public static final String REPORTED_MILESTONE_ID = "reportedMilestoneId";
        public static final String DECISION = "matchDecision";
        public static final String CONTRACT_NUMBER = "matchContractNumber";
        public static final String MILESTONE_ID = "matchMilestoneId";
        public static final String COMMENT = "matchComment";

        private Var() {
        }
    }

    /** The answers {@link Var#DECISION} takes. */
    public static final class Decision {
        public static final String MATCH = "match";
        public static final String DISMISS = "dismiss";

        private Decision() {
        }
    }

    private PaymentMatchingProcess() {
    }
}
