package dev.pactum.policy;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import dev.pactum.contract.ContractTerms;
import dev.pactum.contract.Customer;
import dev.pactum.contract.ExchangeRates;
import dev.pactum.document.ClauseLibrary;
import org.springframework.stereotype.Component;

/** Turns a contract and what is known of its customer into the facts the rules decide on. */
@Component
class ContractFactsAssembler {

    private final ContractQueries contracts;
    private final ExchangeRates rates;
    private final ClauseLibrary clauses;

    ContractFactsAssembler(ContractQueries contracts, ExchangeRates rates, ClauseLibrary clauses) {
        this.contracts = contracts;
        this.rates = rates;
        this.clauses = clauses;
    }

    /** Call it inside the transaction that loaded {@code contract}: it reads the customer and the clauses. */
    ContractFacts factsOf(Contract contract) {
        return builderOf(contract).build();
    }

    /**
     * The facts of an amendment: the contract as {@code amended} (its new totals, clauses and dates), and the amount
     * of {@code contract} before it.
     */
    ContractFacts factsOfAmendment(Contract contract, Contract amended) {
        return builderOf(amended).previousAmountCny(rates.toCny(contract.getAmount(), contract.getCurrency())).build();
    }

    private ContractFacts.Builder builderOf(Contract contract) {
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
                .customerEarlierContracts((int) contracts.countOtherSignedOfCustomer(contract))
                .customerHasOverduePayments(customer.hasOverduePayments())
                .liabilityCapCny(terms.liabilityCap() == null ? null
                        : rates.toCny(terms.liabilityCap(), contract.getCurrency()))
                .autoRenewal(terms.autoRenewal())
                .renewalNoticeDays(terms.renewalNoticeDays())
                .liquidatedDamagesPercent(terms.liquidatedDamagesPercent())
                .changedClauseIds(clauses.changedClauses(contract))
                .clauseCount(clauses.standardClauses(contract.getTemplateKey()).size());
    }
}
