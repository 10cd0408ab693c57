package dev.pactum.contract;

/**
 * The contract {@link ContractService#submit} is starting a lifecycle for, on this thread, while the engine runs
 * the new instance's first steps. Only such a start may bind a process instance to an existing contract: a start
 * through the engine's REST API that names a {@code contractId} finds none and is refused.
 */
final class ContractSubmissions {

    private static final ThreadLocal<Long> SUBMITTING = new ThreadLocal<>();
    private static final ThreadLocal<Long> AMENDING = new ThreadLocal<>();

    private ContractSubmissions() {
    }

    static <T> T submitting(long contractId, java.util.function.Supplier<T> start) {
        SUBMITTING.set(contractId);
        try {
            return start.get();
        } finally {
            SUBMITTING.remove();
        }
    }

    /** The same for an amendment's approval process ({@link ContractAmendments#request}). */
    static <T> T amending(long amendmentId, java.util.function.Supplier<T> start) {
        AMENDING.set(amendmentId);
        try {
            return start.get();
        } finally {
            AMENDING.remove();
        }
    }

    static boolean isAmending(long amendmentId) {
        Long current = AMENDING.get();
        return current != null && current == amendmentId;
    }

    static boolean isSubmitting(long contractId) {
        Long current = SUBMITTING.get();
        return current != null && current == contractId;
    }
}
