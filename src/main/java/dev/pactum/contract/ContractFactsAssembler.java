package dev.pactum.contract;

import dev.pactum.rules.ContractFacts;
import org.springframework.stereotype.Component;

/** Turns a contract and what is known of its customer into the facts the rules decide on. */
@Component
public class ContractFactsAssembler {

    private final ContractRepository contracts;
    private final ExchangeRates rates;

    public ContractFactsAssembler(ContractRepository contracts, ExchangeRates rates) {
        this.contracts = contracts;
        this.rates = rates;
    }

    public ContractFacts factsOf(Contract contract) {
        Customer customer = contract.getCustomer();
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
                .build();
    }
}
