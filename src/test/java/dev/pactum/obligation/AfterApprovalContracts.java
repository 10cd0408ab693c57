package dev.pactum.obligation;

import dev.pactum.approval.ContractProcessDriver;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractService;
import dev.pactum.contract.ContractTerms;
import dev.pactum.contract.ContractType;
import dev.pactum.contract.Customer;
import dev.pactum.contract.MilestonePlan;
import dev.pactum.contract.NewContract;
import dev.pactum.contract.TestContracts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Contracts for the tests after approval: starting 30 days after the engine's today and running a year, drafted by
 * sales1, submitted and approved by manager1, so they wait for the company's signature.
 */
@Component
public class AfterApprovalContracts {

    private final ContractService contracts;
    private final TestContracts testContracts;
    private final ContractProcessDriver driver;

    AfterApprovalContracts(ContractService contracts, TestContracts testContracts, ContractProcessDriver driver) {
        this.contracts = contracts;
        this.testContracts = testContracts;
        this.driver = driver;
    }

    public static LocalDate today() {
        return TestContracts.today();
    }

    public NewContract request(Customer customer, String amount, List<MilestonePlan> milestones) {
        return request(customer, amount, milestones, new ContractTerms(new BigDecimal(amount), false, null, null));
    }

    public NewContract request(Customer customer, String amount, List<MilestonePlan> milestones,
                               ContractTerms terms) {
        LocalDate start = today().plusDays(30);
        return new NewContract("sales-standard", customer.getId(), "履约测试合同", ContractType.SALES,
                new BigDecimal(amount), "CNY", start, start.plusYears(1).minusDays(1), 30, Map.of(), terms, null,
                milestones);
    }

    public Customer customer() {
        return testContracts.customer("履约测试客户有限公司");
    }

    /** Drafted, submitted and approved: waiting for the company's signature. */
    public ProcessInstance approved(String amount, List<MilestonePlan> milestones) {
        return approved(request(testContracts.customer("履约测试客户有限公司"), amount, milestones));
    }

    /** Drafted from {@code request} by sales1, submitted and approved by manager1. */
    public ProcessInstance approved(NewContract request) {
        Contract draft = contracts.draft(request, "sales1", null).contract();
        ProcessInstance instance = driver.instanceOf(contracts.submit(draft, "sales1"));
        driver.decide(instance, "manager1", "approve", null);
        return instance;
    }
}
