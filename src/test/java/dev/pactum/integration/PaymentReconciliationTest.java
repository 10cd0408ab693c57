package dev.pactum.integration;

import static dev.pactum.TestPeers.FINANCE_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.approval.ContractProcessDriver;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.MilestoneEvent;
import dev.pactum.contract.MilestonePlan;
import dev.pactum.obligation.AfterApprovalContracts;
import dev.pactum.obligation.SigningDriver;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Payments finance's system reports, reconciled with the payment schedule over real HTTP on the real engine: spread
 * over the milestones, put on the one named, or — when they cannot be placed — left for finance to match by hand in
 * Tasklist, with only finance able to do so and only on the payment Pactum opened the task for.
 */
@PactumTest
class PaymentReconciliationTest {

    @Autowired SignedEvents events;
    @Autowired AfterApprovalContracts afterApproval;
    @Autowired SigningDriver signing;
    @Autowired ContractProcessDriver driver;
    @Autowired ApiClient api;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** 100,000.00 CNY: 60,000.00 due 20 days after the start, 40% (40,000.00) 90 days after it. */
    private Contract active() throws Exception {
        LocalDate start = AfterApprovalContracts.today().plusDays(30);
        ProcessInstance instance = afterApproval.approved("100000.00", List.of(
                new MilestonePlan(start.plusDays(20), null, null, new BigDecimal("60000.00"), null, "首付款"),
                new MilestonePlan(null, 90, MilestoneEvent.START, null, new BigDecimal("40"), "尾款")));
        Contract signed = signing.signByBoth(instance);
        signing.startDateComes(instance, signed);
        Contract contract = driver.contract(instance);
        assertThat(contract.getStatus()).isEqualTo(ContractStatus.ACTIVE);
        return contract;
    }

    @Test
    void aPaymentNamingOnlyTheContractSettlesTheEarliestMilestoneAndTheRestGoesOnTheNext() throws Exception {
        Contract contract = active();

        JsonNode effect = report(payment(contract.getNumber(), null, "70000.00")).at("/effect");

        assertThat(effect.get("reconciliation").asText()).isEqualTo("PARTIAL");
        assertThat(effect.at("/allocations/0/milestoneId").asInt()).isEqualTo(1);
        assertThat(effect.at("/allocations/0/amount").decimalValue()).isEqualByComparingTo("60000.00");
        assertThat(effect.at("/allocations/0/status").asText()).isEqualTo("PAID");
        assertThat(effect.at("/allocations/1/amount").decimalValue()).isEqualByComparingTo("10000.00");
        assertThat(effect.at("/allocations/1/status").asText()).isEqualTo("OPEN");
        JsonNode view = get("sales1", "/api/contracts/" + contract.getId());
        assertThat(view.at("/milestones/0/status").asText()).isEqualTo("PAID");
        assertThat(view.at("/milestones/1/outstanding").decimalValue()).isEqualByComparingTo("30000.00");
        assertThat(jdbc.queryForList("select distinct recorded_by from payment where contract_id = ?", String.class,
                contract.getId())).containsExactly("integration:finance");
        assertThat(runtime.createExecutionQuery().processInstanceId(contract.getProcessInstanceId())
                .activityId("awaitPayment").count()).as("milestone 1 no longer waits").isOne();
    }

    @Test
    void aPaymentNamingAMilestoneIsExactOrOverpaidAndTheOverpaymentIsFlagged() throws Exception {
        Contract contract = active();

        assertThat(report(payment(contract.getNumber(), "1", "60000.00")).at("/effect/reconciliation").asText())
                .isEqualTo("EXACT");
        JsonNode again = report(payment(contract.getNumber(), "1", "500.00")).at("/effect");

        assertThat(again.get("reconciliation").asText()).isEqualTo("OVERPAID");
        assertThat(get("finance1", "/api/contracts/" + contract.getId()).at("/milestones/0/overpaid").decimalValue())
                .isEqualByComparingTo("500.00");
    }

    @Test
    void anUnmatchedPaymentIsMatchedByFinanceInTasklistWithTheReportedAmountWhateverTheVariablesSay()
            throws Exception {
        Contract contract = active();
        JsonNode effect = report(payment("HT-1999-999999", null, "25000.00")).at("/effect");
        assertThat(effect.get("reconciliation").asText()).isEqualTo("UNMATCHED");
        assertThat(effect.get("unmatchedReason").asText()).isEqualTo("CONTRACT_UNKNOWN");
        String instanceId = effect.get("matchingProcessInstanceId").asText();
        Task task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(PaymentMatchingProcess.Element.MATCH_PAYMENT);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroup("finance").count()).isOne();
        runtime.setVariable(instanceId, "amountText", "¥ 1.00 CNY");

        ApiClient.Response bySales = complete("sales1", task, "match", contract.getNumber(), null, null);
        ApiClient.Response unknown = complete("finance1", task, "match", "HT-1999-000000", null, null);
        ApiClient.Response noDecision = complete("finance1", task, null, contract.getNumber(), null, null);
        assertThat(bySales.status()).isBetween(400, 499);
        assertThat(unknown.status()).isBetween(400, 599);
        assertThat(unknown.body().get("message").asText()).contains("No contract has number HT-1999-000000");
        assertThat(noDecision.body().get("message").asText()).contains("Choose what to do");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("still open").isOne();

        ApiClient.Response matched = complete("finance1", task, "match", contract.getNumber().toLowerCase(), 2, null);

        assertThat(matched.status()).as("%s", matched.body()).isEqualTo(204);
        assertThat(get("finance1", "/api/contracts/" + contract.getId()).at("/milestones/1/received").decimalValue())
                .isEqualByComparingTo("25000.00");
        assertThat(jdbc.queryForMap("select status, decided_by, contract_id from payment_match where "
                + "process_instance_id = ?", instanceId)).containsEntry("status", "MATCHED")
                .containsEntry("decided_by", "finance1").containsEntry("contract_id", contract.getId());
        assertThat(jdbc.queryForObject("select recorded_by from payment where contract_id = ? and amount = 25000",
                String.class, contract.getId())).isEqualTo("finance1");
    }

    @Test
    void dismissingNeedsAReasonAndAMatchingInstanceStartedByHandSettlesNothing() throws Exception {
        JsonNode effect = report(payment("HT-1999-999998", null, "800.00")).at("/effect");
        Task task = tasks.createTaskQuery().processInstanceId(effect.get("matchingProcessInstanceId").asText())
                .singleResult();

        ApiClient.Response noReason = complete("finance1", task, "dismiss", null, null, " ");
        ApiClient.Response dismissed = complete("finance1", task, "dismiss", null, null, "退款给了错误的客户");
        assertThat(noReason.body().get("message").asText()).contains("Say why");
        assertThat(dismissed.status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select status from payment_match where process_instance_id = ?",
                String.class, task.getProcessInstanceId())).isEqualTo("DISMISSED");

        ApiClient.Response started = api.send("admin", "POST", "/engine-rest/process-definition/key/"
                + PaymentMatchingProcess.KEY + "/start", """
                {"variables": {"financeGroup": {"value": "finance"}}}""", "en");
        assertThat(started.status()).isEqualTo(200);
        Task forged = tasks.createTaskQuery().processInstanceId(started.body().get("id").asText()).singleResult();
        ApiClient.Response refused = complete("finance1", forged, "match", "HT-1999-999998", null, null);
        assertThat(refused.body().get("message").asText()).contains("not waiting to be matched");
    }

    @Test
    void theMonthsReconciliationShowsExpectedReceivedAndWhatFinanceReportedForFinanceOnly() throws Exception {
        Contract contract = active();
        LocalDate today = AfterApprovalContracts.today();
        report(payment(contract.getNumber(), null, "20000.00"));
        JsonNode unmatched = report(payment("HT-1999-999997", null, "300.00")).at("/effect");
        complete("finance1", tasks.createTaskQuery().processInstanceId(
                unmatched.get("matchingProcessInstanceId").asText()).singleResult(), "match", contract.getNumber(),
                1, "客户用错了合同号");
        YearMonth dueMonth = YearMonth.from(contract.getStartDate().plusDays(20));
        String path = "/api/finance/reconciliation?month=";

        JsonNode paidMonth = get("finance1", path + YearMonth.from(today));
        JsonNode row = find(paidMonth.get("contracts"), contract.getNumber());
        assertThat(row.get("received").decimalValue()).isEqualByComparingTo("20300.00");
        assertThat(row.get("reportedByFinance").decimalValue()).isEqualByComparingTo("20300.00");
        assertThat(paidMonth.at("/handled/0/status").asText()).isNotBlank();
        JsonNode due = find(get("finance1", path + dueMonth).get("contracts"), contract.getNumber());
        assertThat(due.get("expected").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("60000.00"));

        assertThat(api.send("sales1", "GET", path + dueMonth, null, "en").status()).isEqualTo(403);
        assertThat(api.send("finance1", "GET", path + "2026-13", null, "en").status()).isEqualTo(400);
    }

    private static JsonNode find(JsonNode rows, String number) {
        for (JsonNode row : rows) {
            if (row.get("contractNumber").asText().equals(number)) {
                return row;
            }
        }
        throw new AssertionError(number + " not in " + rows);
    }

    private String payment(String contractNumber, String milestoneId, String amount) {
        return """
                {"type": "payment.received", "contractNumber": "%s", %s "amount": %s, "paidOn": "%s",
                 "reference": "BANK-%s"}""".formatted(contractNumber,
                milestoneId == null ? "" : "\"milestoneId\": \"" + milestoneId + "\",", amount,
                AfterApprovalContracts.today(), UUID.randomUUID());
    }

    private JsonNode report(String body) throws Exception {
        SignedEvents.Answer answer = events.send("finance", FINANCE_SECRET, "pay-" + UUID.randomUUID(), body);
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        return answer.body();
    }

    private ApiClient.Response complete(String user, Task task, String decision, String number, Integer milestone,
                                        String comment) throws Exception {
        StringBuilder variables = new StringBuilder();
        append(variables, "matchDecision", decision == null ? null : "\"" + decision + "\"");
        append(variables, "matchContractNumber", number == null ? null : "\"" + number + "\"");
        append(variables, "matchMilestoneId", milestone == null ? null : milestone.toString());
        append(variables, "matchComment", comment == null ? null : "\"" + comment + "\"");
        return api.send(user, "POST", "/engine-rest/task/" + task.getId() + "/complete",
                "{\"variables\": {" + variables + "}}", "en");
    }

    private static void append(StringBuilder variables, String name, String json) {
        if (json == null) {
            return;
        }
        if (!variables.isEmpty()) {
            variables.append(", ");
        }
        variables.append('"').append(name).append("\": {\"value\": ").append(json).append('}');
    }

    private JsonNode get(String user, String path) throws Exception {
        ApiClient.Response response = api.send(user, "GET", path, null, "en");
        assertThat(response.status()).as("%s %s", path, response.body()).isEqualTo(200);
        return response.body();
    }
}
