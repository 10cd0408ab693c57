package dev.pactum.obligation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.calendar.BusinessCalendar;
import dev.pactum.approval.ContractProcessDriver;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.CustomerRepository;
import dev.pactum.contract.MilestoneEvent;
import dev.pactum.contract.MilestonePlan;
import dev.pactum.notification.InAppNotification;
import dev.pactum.notification.InAppNotificationRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The payment schedule after activation, on the real engine with its clock moved: reminders before due, OVERDUE and
 * escalation after, partial payments adding up, an overpayment flagged, the customer's late-payer mark set and
 * cleared, receivables with ageing; and termination leaving nothing behind.
 */
@PactumTest
class PaymentMilestonesProcessTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired ProcessEngine engine;
    @Autowired ManagementService management;
    @Autowired AfterApprovalContracts afterApproval;
    @Autowired SigningDriver signing;
    @Autowired ContractProcessDriver driver;
    @Autowired CustomerRepository customers;
    @Autowired InAppNotificationRepository notifications;
    @Autowired ApiClient api;
    @Autowired BusinessCalendar calendar;

    @BeforeEach
    void useEngine() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static List<MilestonePlan> schedule(LocalDate start) {
        return List.of(new MilestonePlan(start.plusDays(20), null, null, new BigDecimal("60000.00"), null, "首付款"),
                new MilestonePlan(null, 90, MilestoneEvent.START, null, new BigDecimal("70"), "验收款"));
    }

    private ProcessInstance active(String amount) throws Exception {
        LocalDate start = AfterApprovalContracts.today().plusDays(30);
        ProcessInstance instance = afterApproval.approved(amount, schedule(start));
        Contract signed = signing.signByBoth(instance);
        signing.startDateComes(instance, signed);
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.ACTIVE);
        return instance;
    }

    @Test
    void aMilestoneIsRemindedGoesOverdueIsEscalatedAndIsPaidInPartsWithTheOverpaymentFlagged() throws Exception {
        ProcessInstance instance = active("200000.00");
        Contract contract = driver.contract(instance);
        long customerId = contract.getCustomer().getId();
        LocalDate due = contract.getStartDate().plusDays(20);
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).activityId("paymentOverdue")
                .count()).as("one overdue timer per milestone").isEqualTo(2);

        JsonNode view = get("sales1", "/api/contracts/" + contract.getId());
        assertThat(view.at("/milestones/0/status").asText()).isEqualTo("OPEN");
        assertThat(view.at("/milestones/1/amount").decimalValue()).isEqualByComparingTo("140000.00");
        assertThat(view.at("/milestones/1/dueDate").asText()).isEqualTo(contract.getStartDate().plusDays(90).toString());

        fire(instance, "paymentFirstReminderDue", due.minusDays(7).atTime(9, 0));
        fire(instance, "paymentLastReminderDue", due.minusDays(1).atTime(9, 0));
        assertThat(kinds(contract, "sales1")).containsExactly("payment-reminder", "payment-reminder");

        ApiClient.Response partial = pay("finance1", contract, 1, "20000.00", due.minusDays(1));
        assertThat(partial.status()).isEqualTo(201);
        assertThat(partial.body().at("/milestone/status").asText()).isEqualTo("OPEN");
        assertThat(partial.body().at("/milestone/outstanding").decimalValue()).isEqualByComparingTo("40000.00");

        fire(instance, "paymentOverdue", due.plusDays(1).atStartOfDay());
        assertThat(get("sales1", "/api/contracts/" + contract.getId()).at("/milestones/0/status").asText())
                .isEqualTo("OVERDUE");
        assertThat(customers.findById(customerId).orElseThrow().hasOverduePayments()).isTrue();
        assertThat(kinds(contract, "finance1")).containsExactly("payment-overdue");

        // Three working days after the due date (weekends and holidays do not count).
        java.time.Instant overdueAt = due.plusDays(1).atStartOfDay(ZONE).toInstant();
        fire(instance, "paymentEscalationDue", calendar.plusWorkingTime(overdueAt, java.time.Duration.ofDays(3))
                .atZone(ZONE).toLocalDateTime());
        assertThat(kinds(contract, "manager1")).containsExactly("payment-escalated");

        JsonNode receivables = get("finance1", "/api/contracts/" + contract.getId() + "/receivables");
        assertThat(receivables.at("/received").decimalValue()).isEqualByComparingTo("20000.00");
        assertThat(receivables.at("/overdue").decimalValue()).isEqualByComparingTo("40000.00");
        assertThat(receivables.at("/notYetDue").decimalValue()).isEqualByComparingTo("140000.00");
        assertThat(receivables.at("/overdueAgeing/days0to30").decimalValue()).isEqualByComparingTo("40000.00");

        assertThat(pay("sales1", contract, 1, "50000.00", due).status()).as("only finance records payments")
                .isEqualTo(403);
        ApiClient.Response rest = pay("finance1", contract, 1, "50000.00", due.plusDays(2));
        assertThat(rest.status()).as("%s", rest.body()).isEqualTo(201);
        assertThat(rest.body().at("/milestone/status").asText()).isEqualTo("PAID");
        assertThat(rest.body().at("/overpaid").asBoolean()).isTrue();
        assertThat(rest.body().at("/milestone/overpaid").decimalValue()).isEqualByComparingTo("10000.00");
        assertThat(kinds(contract, "finance1")).containsExactly("payment-overdue", "payment-escalated",
                "payment-overpaid");
        assertThat(customers.findById(customerId).orElseThrow().hasOverduePayments()).isFalse();
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).activityId("paymentOverdue")
                .count()).as("the paid milestone's timers are gone").isOne();
        assertThat(instance).isWaitingAt("awaitPayment", "awaitRenewalWindow");
    }

    @Test
    void aScheduleThatDoesNotAddUpOrLeavesTheTermIsRefusedFieldByFieldInTheCallersLanguage() throws Exception {
        LocalDate start = AfterApprovalContracts.today().plusDays(30);
        long customerId = afterApproval.request(
                customers.findAll().get(0), "1", List.of()).customerId();
        String body = """
                {"templateKey": "sales-standard", "customerId": %d, "title": "回款计划校验", "type": "SALES",
                 "amount": 100000, "currency": "CNY", "startDate": "%s", "endDate": "%s", "paymentTermDays": 30,
                 "milestones": [
                   {"dueDate": "%s", "amount": 50000, "description": "首付款"},
                   {"daysAfter": 400, "event": "START", "percent": 40, "description": "尾款"},
                   {"dueDate": "%s", "daysAfter": 3, "event": "SIGNING", "amount": 1, "percent": 1, "description": "x"}
                 ]}""".formatted(customerId, start, start.plusYears(1).minusDays(1), start.minusDays(1),
                start.plusDays(10));
        ApiClient.Response english = api.send("sales1", "POST", "/api/contracts", body, "en");
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.fields()).containsExactlyInAnyOrder("milestones[0].dueDate", "milestones[1].daysAfter",
                "milestones[2].dueDate", "milestones[2].amount");
        assertThat(english.body().at("/errors/0/message").asText()).contains("within the term");
        ApiClient.Response chinese = api.send("sales1", "POST", "/api/contracts", body, "zh-CN");
        assertThat(chinese.body().toString()).contains("到期日须在合同期内");

        String notAddingUp = body.substring(0, body.indexOf("\"milestones\"")) + """
                "milestones": [{"dueDate": "%s", "amount": 50000, "description": "首付款"},
                               {"daysAfter": 10, "event": "SIGNING", "percent": 40, "description": "尾款"}]}"""
                .formatted(start.plusDays(5));
        ApiClient.Response sum = api.send("sales1", "POST", "/api/contracts", notAddingUp, "en");
        assertThat(sum.status()).isEqualTo(400);
        assertThat(sum.fields()).containsExactly("milestones");
        assertThat(sum.body().at("/errors/0/message").asText()).contains("90000.00", "100000");

        String good = notAddingUp.replace("\"percent\": 40", "\"percent\": 50");
        ApiClient.Response drafted = api.send("sales1", "POST", "/api/contracts", good, "en");
        assertThat(drafted.status()).isEqualTo(201);
        JsonNode view = get("sales1", "/api/contracts/" + drafted.body().at("/id").asLong());
        assertThat(view.at("/milestones/1/id").asInt()).isEqualTo(2);
        assertThat(view.at("/milestones/1/amount").decimalValue()).isEqualByComparingTo("50000.00");
        assertThat(view.at("/milestones/1/status").asText()).isEqualTo("PLANNED");
    }

    @Test
    void aManagerTerminatesAnActiveContractAndItsTimersAndMilestonesAreGone() throws Exception {
        ProcessInstance instance = active("200000.00");
        Contract contract = driver.contract(instance);
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).count()).isPositive();

        ApiClient.Response bySales = api.send("sales1", "POST", "/api/contracts/" + contract.getId() + "/terminate",
                "{\"reason\": \"客户违约\"}", "en");
        assertThat(bySales.status()).as("the owner may not terminate an active contract").isEqualTo(403);
        ApiClient.Response byManager = api.send("manager1", "POST", "/api/contracts/" + contract.getId()
                + "/terminate", "{\"reason\": \"客户违约，双方协商解除\"}", "en");
        assertThat(byManager.status()).isEqualTo(200);
        assertThat(byManager.body().at("/status").asText()).isEqualTo("TERMINATED");

        assertThat(instance).isEnded().hasPassed("contractTerminated", "closeTerminatedContract");
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        JsonNode view = get("sales1", "/api/contracts/" + contract.getId());
        assertThat(view.at("/milestones/0/status").asText()).isEqualTo("CANCELLED");
        assertThat(view.at("/termination/reason").asText()).isEqualTo("客户违约，双方协商解除");
        assertThat(view.at("/termination/terminatedBy").asText()).isEqualTo("manager1");
        assertThat(kinds(contract, "sales1")).contains("contract-terminated");
        assertThat(api.send("manager1", "POST", "/api/contracts/" + contract.getId() + "/terminate",
                "{\"reason\": \"again\"}", "en").status()).isEqualTo(409);
    }

    @Test
    void theOwnerCancelsASigningAndTheProcessEnds() throws Exception {
        ProcessInstance instance = afterApproval.approved("90000", List.of());
        signing.companySigns(instance);
        Contract contract = driver.contract(instance);
        ApiClient.Response blank = api.send("sales1", "POST", "/api/contracts/" + contract.getId() + "/terminate",
                "{\"reason\": \" \"}", "en");
        assertThat(blank.status()).isEqualTo(400);

        ApiClient.Response cancelled = api.send("sales1", "POST", "/api/contracts/" + contract.getId()
                + "/terminate", "{\"reason\": \"客户放弃签约\"}", "en");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(instance).isEnded().hasPassed("contractTerminatedEnd").hasNotPassed("recordContractSigned");
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.TERMINATED);
    }

    private void fire(ProcessInstance instance, String activityId, java.time.LocalDateTime at) {
        ClockUtil.setCurrentTime(Date.from(at.atZone(ZONE).toInstant()));
        Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .orderByJobDuedate().asc().list().get(0);
        assertThat(job.getDuedate()).isEqualTo(Date.from(at.atZone(ZONE).toInstant()));
        management.executeJob(job.getId());
    }

    private ApiClient.Response pay(String user, Contract contract, int milestone, String amount, LocalDate paidOn)
            throws Exception {
        return api.send(user, "POST", "/api/contracts/" + contract.getId() + "/payments", """
                {"milestoneId": %d, "amount": %s, "paidOn": "%s", "reference": "银行流水 %s"}"""
                .formatted(milestone, amount, paidOn, amount), "en");
    }

    private JsonNode get(String user, String path) throws Exception {
        ApiClient.Response response = api.send(user, "GET", path, null, "en");
        assertThat(response.status()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response.body();
    }

    private List<String> kinds(Contract contract, String recipient) {
        return notifications.findByContractIdOrderByIdAsc(contract.getId()).stream()
                .filter(n -> n.getRecipient().equals(recipient)).map(InAppNotification::getKind).toList();
    }
}
