package dev.pactum.contract;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.springframework.stereotype.Component;

/**
 * Which contract a lifecycle instance is bound to ({@link ContractLifecycleService#bindProcess}), remembered: every
 * step of the lifecycle asks, and a query by process instance id costs a JPQL round trip and an auto-flush of the
 * session, while loading the contract by id is found in the session when the step already holds it. A remembered
 * binding is only a hint: the contract loaded by it must still name the instance, otherwise (and for amendments'
 * approval instances, which are not remembered) the database is asked.
 */
@Component
class ProcessBindings {

    private static final int CAPACITY = 10_000;

    private final Map<String, Long> contractByInstance = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > CAPACITY;
        }
    };

    /**
     * The contract bound to the instance, directly (a lifecycle instance) or through one of its amendments; {@code load}
     * reads a contract by id as the caller wants it (plain or locked).
     */
    Optional<Contract> boundTo(ContractRepository contracts, ContractAmendmentRepository amendments,
                               String processInstanceId, LongFunction<Optional<Contract>> load) {
        Long remembered;
        synchronized (contractByInstance) {
            remembered = contractByInstance.get(processInstanceId);
        }
        if (remembered != null) {
            Optional<Contract> contract = load.apply(remembered);
            if (contract.isPresent() && processInstanceId.equals(contract.get().getProcessInstanceId())) {
                return contract;
            }
            forget(processInstanceId);
        }
        Optional<Contract> direct = contracts.findByProcessInstanceId(processInstanceId);
        if (direct.isPresent()) {
            remember(processInstanceId, direct.get().getId());
            return load.apply(direct.get().getId());
        }
        return amendments.findByProcessInstanceId(processInstanceId).flatMap(a -> load.apply(a.getContractId()));
    }

    /** Called when a contract is bound in this transaction; the check on load guards against a rollback. */
    void remember(String processInstanceId, long contractId) {
        synchronized (contractByInstance) {
            contractByInstance.put(processInstanceId, contractId);
        }
    }

    private void forget(String processInstanceId) {
        synchronized (contractByInstance) {
            contractByInstance.remove(processInstanceId);
        }
    }
}
