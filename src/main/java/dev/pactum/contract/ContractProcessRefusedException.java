package dev.pactum.contract;

import dev.pactum.web.DomainException;

/**
 * A lifecycle step the contract's database record does not allow: a start that names someone else's contract, a
 * step of an instance the contract is not bound to. Thrown inside the engine, it rolls the whole call back.
 */
public class ContractProcessRefusedException extends DomainException {

    public ContractProcessRefusedException(String messageKey, Object... args) {
        super(Kind.FORBIDDEN, messageKey, args);
    }
}
