package dev.pactum.contract;

import dev.pactum.web.FieldProblem;
import dev.pactum.web.RequestChecks;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** A draft's checks beyond its constraints ({@link ContractService#problems}), reported with them in one answer. */
@Component
class NewContractChecks implements RequestChecks<NewContract> {

    private final ContractService contracts;

    NewContractChecks(ContractService contracts) {
        this.contracts = contracts;
    }

    @Override
    public Class<NewContract> type() {
        return NewContract.class;
    }

    @Override
    public List<FieldProblem> problems(NewContract request, Set<String> invalidFields) {
        return contracts.problems(request, invalidFields);
    }
}
