package dev.pactum.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dev.pactum.PactumTest;
import dev.pactum.config.PactumProperties;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import dev.pactum.contract.ContractService;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.CustomerRepository;
import dev.pactum.contract.CustomerService;
import dev.pactum.contract.TestContracts;
import dev.pactum.document.ContractDocumentService;
import dev.pactum.obligation.MilestoneStatus;
import dev.pactum.obligation.MilestoneView;
import dev.pactum.obligation.PaymentService;
import dev.pactum.obligation.SigningService;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's contracts after approval, made as {@code mvn spring-boot:run} makes them (through the services and the
 * engine, timers due in the past fired): ACTIVE with a paid, a due, an overdue and an awaiting milestone; EXPIRING
 * with the owner's renewal task open.
 */
@PactumTest
class DemoContractsTest {

    @Autowired ProcessEngine engine;
    @Autowired CustomerService customerService;
    @Autowired CustomerRepository customers;
    @Autowired ContractService contracts;
    @Autowired ContractQueries queries;
    @Autowired TaskService tasks;
    @Autowired TransactionTemplate transaction;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired SigningService signing;
    @Autowired PaymentService payments;
    @Autowired ContractDocumentService documents;
    @Autowired PactumProperties pactum;
    @Autowired Clock clock;
    @Autowired TestContracts testContracts;

    @Test
    void showsAnActiveContractWithMilestonesInEveryStateAndAnExpiringOneWithItsRenewalTask() {
        AbstractAssertions.init(engine);
        DemoContracts demo = new DemoContracts(customerService, customers, contracts, tasks, transaction, management,
                signing, payments, documents, pactum, clock);

        List<Contract> made = demo.afterApproval(testContracts.customer("演示履约客户有限公司"),
                testContracts.customer("演示续约客户有限公司"));

        Contract active = transaction.execute(status -> queries.get(made.get(0).getId()));
        assertThat(active.getStatus()).isEqualTo(ContractStatus.ACTIVE);
        List<MilestoneView> milestones = payments.milestones(active);
        assertThat(milestones).extracting(MilestoneView::status).containsExactly(MilestoneStatus.PAID,
                MilestoneStatus.OVERDUE, MilestoneStatus.OPEN, MilestoneStatus.AWAITING_EVENT);
        assertThat(milestones.get(3).projectId()).isEqualTo("PRJ-DEMO-ERP");

        Contract expiring = transaction.execute(status -> queries.get(made.get(1).getId()));
        assertThat(expiring.getStatus()).isEqualTo(ContractStatus.EXPIRING);
        assertThat(tasks.createTaskQuery().processInstanceId(expiring.getProcessInstanceId())
                .taskDefinitionKey("decideRenewal").taskAssignee("sales1").count()).isOne();
    }
}
