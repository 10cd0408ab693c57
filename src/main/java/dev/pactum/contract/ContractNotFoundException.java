package dev.pactum.contract;

import dev.pactum.web.DomainException;

/** No contract has this id, or the caller may not see it: answered alike so that nothing leaks. */
public class ContractNotFoundException extends DomainException {

    public ContractNotFoundException(Object id) {
        super(Kind.NOT_FOUND, "pactum.contract.notFound", id);
    }
}
