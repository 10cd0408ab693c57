package dev.pactum.integration;

/**
 * The vocabulary of {@code processes/contract-integration.bpmn}: its key, the element ids code and tests refer to,
 * and its variables. The BPMN file is the only other place these names are written.
 */
public final class IntegrationProcess {

    public static final String KEY = "contractIntegration";

    /** Element ids, as in the model. */
    public static final class Element {
        public static final String PUSH_RECEIVABLES_TO_FINANCE = "pushReceivablesToFinance";
        public static final String PUSH_SUMMARY_TO_CRM = "pushSummaryToCrm";
        public static final String PUSHED = "contractPushed";

        private Element() {
        }
    }

    /** Process variables; set by {@link RecordIntegrationRun} when Pactum starts the instance, read by the gateway. */
    public static final class Var {
        public static final String PUSH_TO_FINANCE = "pushToFinance";
        public static final String PUSH_TO_CRM = "pushToCrm";

        private Var() {
        }
    }

    private IntegrationProcess() {
    }
}
