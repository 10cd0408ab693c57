package dev.pactum.contract;

import dev.pactum.document.ClauseLibrary;
import dev.pactum.rules.ContractFacts;
import org.springframework.stereotype.Component;

/** Turns a contract and what is known of its customer into the facts the rules decide on. */
@Component
public class ContractFactsAssembler {

    private final ContractRepository contracts;
    private final ExchangeRates rates;
    private final ClauseLibrary clauses;

    public ContractFactsAssembler(ContractRepository contracts, ExchangeRates rates, ClauseLibrary clauses) {
        this.contracts = contracts;
        this.rates = rates;
        this.clauses = clauses;
    }

    public ContractFacts factsOf(Contract contract) {
        Customer customer = contract.getCustomer();
        ContractTerms terms = contract.getTerms();
        return ContractFacts.builder()
                .contractNumber(contract.getNumber())
                .type(contract.getType().name())
                .amountCny(rates.toCny(contract.getAmount(), contract.getCurrency()))
                .paymentTermDays(contract.getPaymentTermDays())
                .templateKey(contract.getTemplateKey())
                .customerCreditLimitCny(customer.getCreditLimit() == null ? null
                        : rates.toCny(customer.getCreditLimit(), customer.getCreditLimitCurrency()))
                .customerEarlierContracts((int) contracts.countByCustomerIdAndStatusAndIdNot(
                        customer.getId(), ContractStatus.ACTIVE, contract.getId()))
                .customerHasOverduePayments(customer.hasOverduePayments())
                .liabilityCapCny(terms.liabilityCap() == null ? null
                        : rates.toCny(terms.liabilityCap(), contract.getCurrency()))
                .autoRenewal(terms.autoRenewal())
                .renewalNoticeDays(terms.renewalNoticeDays())
                .liquidatedDamagesPercent(terms.liquidatedDamagesPercent())
                .changedClauseIds(clauses.changedClauses(contract))
                .clauseCount(clauses.standardClauses(contract.getTemplateKey()).size())
                .build();
    }
}
