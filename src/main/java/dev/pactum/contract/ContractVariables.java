package dev.pactum.contract;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The lifecycle's process variable that ties an instance to its contract, read the same way by every delegate. */
public final class ContractVariables {

    public static final String CONTRACT_ID = "contractId";

    private ContractVariables() {
    }

    public static long contractId(VariableScope scope) {
        return ((Number) scope.getVariable(CONTRACT_ID)).longValue();
    }
}
