package dev.pactum.contract;

import dev.pactum.web.DomainException;
import java.util.Set;
import java.util.stream.Collectors;

/** A status change asked of a contract that is not in a status it may change from. */
public class IllegalContractTransitionException extends DomainException {

    public IllegalContractTransitionException(String number, ContractStatus status, Set<ContractStatus> allowed) {
        super(Kind.CONFLICT, "pactum.contract.illegalTransition", number, status,
                allowed.stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
    }
}
