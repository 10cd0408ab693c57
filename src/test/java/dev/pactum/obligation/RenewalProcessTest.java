package dev.pactum.obligation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.approval.ContractProcessDriver;
import dev.pactum.calendar.BusinessCalendar;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractRepository;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.ContractTerms;
import dev.pactum.notification.InAppNotification;
import dev.pactum.notification.InAppNotificationRepository;
import dev.pactum.web.DomainException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Renewal on the real engine with its clock moved: the window opens before the notice deadline (EXPIRING, a task for
 * the owner, reminders), and each way out of it: renew, let expire, auto-renew, terminated mid-window.
 */
@PactumTest
class RenewalProcessTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired ProcessEngine engine;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired AfterApprovalContracts afterApproval;
    @Autowired SigningDriver signing;
    @Autowired ContractProcessDriver driver;
    @Autowired ContractRepository contracts;
    @Autowired InAppNotificationRepository notifications;
    @Autowired RenewalRecordRepository renewals;
    @Autowired BusinessCalendar calendar;
    @Autowired ApiClient api;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void useEngine() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theOwnerGetsARenewalTaskWhenTheWindowOpensDueAtTheNoticeDeadlineAndIsRemindedBeforeIt() throws Exception {
        ProcessInstance instance = active(new ContractTerms(new BigDecimal("100000"), false, 60, null, 12, null));
        Contract contract = driver.contract(instance);
        LocalDate deadline = workingDayOnOrBefore(contract.getEndDate().minusDays(60));
        assertThat(instance).isWaitingAt("awaitRenewalWindow");
        assertThat(job(instance, "awaitRenewalWindow").getDuedate().toInstant()).isEqualTo(at(deadline.minusDays(90)));

        // A timer made to fire early (by someone editing its due date) changes nothing.
        assertThatThrownBy(() -> signing.execute(instance, "awaitRenewalWindow")).isInstanceOf(DomainException.class)
                .hasMessageContaining("pactum.renewal.windowNotOpen");
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.ACTIVE);

        openWindow(instance, deadline);
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.EXPIRING);
        assertThat(instance).isWaitingAt("decideRenewal");
        Task task = renewalTask(instance);
        assertThat(task.getAssignee()).isEqualTo("sales1");
        assertThat(task.getDueDate().toInstant()).isEqualTo(deadline.plusDays(1).atStartOfDay(ZONE).toInstant());
        assertThat(task.getName()).startsWith("续约决定 " + contract.getNumber());
        assertThat(kinds(contract, "sales1")).containsExactly("renewal-due");

        ClockUtil.setCurrentTime(Date.from(at(deadline.minusDays(30))));
        signing.execute(instance, "renewalSecondReminderDue");
        ClockUtil.setCurrentTime(Date.from(at(deadline.minusDays(7))));
        signing.execute(instance, "renewalLastReminderDue");
        assertThat(kinds(contract, "sales1")).containsExactly("renewal-due", "renewal-reminder", "renewal-reminder");
        assertThat(instance).isWaitingAt("decideRenewal");

        // Another salesperson cannot decide it through the engine's REST API; nor can a decision be left out.
        ApiClient.Response byOther = submit("sales2", task, "letExpire");
        assertThat(byOther.status()).isIn(403, 404);
        ApiClient.Response empty = api.send("sales1", "POST", "/engine-rest/task/" + task.getId() + "/submit-form",
                "{\"variables\": {}}", "en");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().at("/message").asText()).contains("Choose a renewal decision");
        assertThat(instance).isWaitingAt("decideRenewal");

        ApiClient.Response view = api.send("sales1", "GET", "/api/contracts/" + contract.getId(), null, "en");
        assertThat(view.body().at("/status").asText()).isEqualTo("EXPIRING");
        assertThat(view.body().at("/renewal/noticeDeadline").asText()).isEqualTo(deadline.toString());
        assertThat(view.body().at("/terms/renewalTermMonths").asInt()).isEqualTo(12);
    }

    @Test
    void renewingMakesALinkedContractThatGoesThroughApprovalAndThisOneIsRenewedAtItsEnd() throws Exception {
        ProcessInstance instance = active(new ContractTerms(new BigDecimal("100000"), false, 30, null, 6, null));
        Contract contract = driver.contract(instance);
        openWindow(instance, workingDayOnOrBefore(contract.getEndDate().minusDays(30)));

        ApiClient.Response decided = submit("sales1", renewalTask(instance), "renew");
        assertThat(decided.status()).as("%s", decided.body()).isEqualTo(204);
        assertThat(instance).isWaitingAt("awaitRenewedTermEnd").hasPassed("createRenewalContract");

        RenewalRecord record = renewals.findByContractIdOrderByIdAsc(contract.getId()).get(0);
        assertThat(record.getKind()).isEqualTo(RenewalKind.RENEW);
        assertThat(record.getDecidedBy()).isEqualTo("sales1");
        Contract renewal = contracts.findById(record.getSuccessorContractId()).orElseThrow();
        assertThat(renewal.getRenewalOf()).isEqualTo(contract.getId());
        assertThat(renewal.getStatus()).isEqualTo(ContractStatus.IN_APPROVAL);
        assertThat(renewal.getOwner()).isEqualTo("sales1");
        assertThat(renewal.getCustomer().getId()).isEqualTo(contract.getCustomer().getId());
        assertThat(renewal.getAmount()).isEqualByComparingTo(contract.getAmount());
        assertThat(renewal.getStartDate()).isEqualTo(contract.getEndDate().plusDays(1));
        assertThat(renewal.getEndDate()).isEqualTo(contract.getEndDate().plusDays(1).plusMonths(6).minusDays(1));
        assertThat(renewal.getTerms()).isEqualTo(contract.getTerms());

        ProcessInstance renewalInstance = runtime.createProcessInstanceQuery()
                .processInstanceId(renewal.getProcessInstanceId()).singleResult();
        assertThat(renewalInstance).isWaitingAt("approveContract");
        driver.decide(renewalInstance, "manager1", "approve", null);
        assertThat(driver.contract(renewalInstance).getStatus()).isEqualTo(ContractStatus.SIGNING);

        ClockUtil.setCurrentTime(Date.from(contract.getEndDate().plusDays(1).atStartOfDay(ZONE).toInstant()));
        signing.execute(instance, "awaitRenewedTermEnd");
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.RENEWED);
        assertThat(instance).isEnded().hasPassed("closeRenewedContract", "contractEnded");
    }

    @Test
    void renegotiatingMakesALinkedDraftWithTheProposedAmountAndWithoutApprovalByTheEndTheContractExpires()
            throws Exception {
        ProcessInstance instance = active(new ContractTerms(new BigDecimal("100000"), false, 30, null, 12, null));
        Contract contract = driver.contract(instance);
        openWindow(instance, workingDayOnOrBefore(contract.getEndDate().minusDays(30)));
        Task task = renewalTask(instance);

        ApiClient.Response badAmount = api.send("sales1", "POST", "/engine-rest/task/" + task.getId() + "/submit-form",
                "{\"variables\": {\"renewalDecision\": {\"value\": \"renegotiate\"},"
                        + " \"renewalProposedAmount\": {\"value\": \"-5\"}}}", "en");
        assertThat(badAmount.body().at("/message").asText()).contains("renewal amount must be non-negative");
        ApiClient.Response decided = api.send("sales1", "POST", "/engine-rest/task/" + task.getId() + "/submit-form",
                "{\"variables\": {\"renewalDecision\": {\"value\": \"renegotiate\"},"
                        + " \"renewalProposedAmount\": {\"value\": \"120000.00\"},"
                        + " \"renewalComment\": {\"value\": \"客户要求增加服务范围\"}}}", "en");
        assertThat(decided.status()).as("%s", decided.body()).isEqualTo(204);

        RenewalRecord record = renewals.findByContractIdOrderByIdAsc(contract.getId()).get(0);
        assertThat(record.getKind()).isEqualTo(RenewalKind.RENEGOTIATE);
        assertThat(record.getProposedAmount()).isEqualByComparingTo("120000.00");
        assertThat(record.getComment()).isEqualTo("客户要求增加服务范围");
        Contract draft = contracts.findById(record.getSuccessorContractId()).orElseThrow();
        assertThat(draft.getStatus()).isEqualTo(ContractStatus.DRAFT);
        assertThat(draft.getRenewalOf()).isEqualTo(contract.getId());
        assertThat(draft.getAmount()).isEqualByComparingTo("120000.00");

        ClockUtil.setCurrentTime(Date.from(contract.getEndDate().plusDays(1).atStartOfDay(ZONE).toInstant()));
        signing.execute(instance, "awaitRenewedTermEnd");
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.EXPIRED);
        assertThat(instance).isEnded().hasPassed("closeRenewedContract");
    }

    @Test
    void lettingItExpireEndsItAtItsEndDate() throws Exception {
        ProcessInstance instance = active(new ContractTerms(new BigDecimal("100000"), false, null, null));
        Contract contract = driver.contract(instance);
        openWindow(instance, workingDayOnOrBefore(contract.getEndDate()));

        ApiClient.Response decided = submit("sales1", renewalTask(instance), "letExpire");
        assertThat(decided.status()).as("%s", decided.body()).isEqualTo(204);
        assertThat(instance).isWaitingAt("awaitTermEnd");
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).count())
                .as("the reminders went with the task").isOne();

        ClockUtil.setCurrentTime(Date.from(contract.getEndDate().plusDays(1).atStartOfDay(ZONE).toInstant()));
        signing.execute(instance, "awaitTermEnd");
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.EXPIRED);
        assertThat(instance).isEnded().hasPassed("expireContract").hasNotPassed("createRenewalContract");
        assertThat(renewals.findByContractIdOrderByIdAsc(contract.getId())).extracting(RenewalRecord::getKind)
                .containsExactly(RenewalKind.LET_EXPIRE);
    }

    @Test
    void anAutoRenewingContractNobodyObjectedToRenewsItselfForTheRenewalTermAndSaysSo() throws Exception {
        ProcessInstance instance = active(new ContractTerms(new BigDecimal("100000"), true, 60, null, 12, null));
        Contract contract = driver.contract(instance);
        LocalDate end = contract.getEndDate();
        LocalDate deadline = workingDayOnOrBefore(end.minusDays(60));
        openWindow(instance, deadline);

        ClockUtil.setCurrentTime(Date.from(deadline.plusDays(1).atStartOfDay(ZONE).toInstant()));
        signing.execute(instance, "noticeDeadlinePassed");
        Contract renewed = driver.contract(instance);
        assertThat(renewed.getStatus()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(renewed.getEndDate()).isEqualTo(end.plusMonths(12));
        assertThat(instance).hasPassed("autoRenewContract").isWaitingAt("awaitRenewalWindow");
        assertThat(job(instance, "awaitRenewalWindow").getDuedate().toInstant())
                .isEqualTo(at(workingDayOnOrBefore(end.plusMonths(12).minusDays(60)).minusDays(90)));

        RenewalRecord record = renewals.findByContractIdOrderByIdAsc(contract.getId()).get(0);
        assertThat(record.getKind()).isEqualTo(RenewalKind.AUTO_RENEWED);
        assertThat(record.getNewEndDate()).isEqualTo(end.plusMonths(12));
        assertThat(record.getComment()).contains("auto-renewed, nobody objected by " + deadline);
        assertThat(jdbc.queryForList("select detail from audit_event where action = 'CONTRACT_AUTO_RENEWED' "
                + "and object_id = ?", String.class, contract.getId().toString()))
                .containsExactly(record.getComment());
        assertThat(kinds(contract, "sales1")).containsExactly("renewal-due", "contract-auto-renewed");
        assertThat(kinds(contract, "manager1")).containsExactly("contract-auto-renewed");

        ApiClient.Response view = api.send("sales1", "GET", "/api/contracts/" + contract.getId(), null, "en");
        assertThat(view.body().at("/renewal/decisions/0/kind").asText()).isEqualTo("AUTO_RENEWED");
        assertThat(view.body().at("/renewal/decisions/0/newEndDate").asText()).isEqualTo(end.plusMonths(12).toString());
    }

    @Test
    void terminatingAContractInItsRenewalWindowClosesTheRenewalTaskAndEveryTimer() throws Exception {
        ProcessInstance instance = active(new ContractTerms(new BigDecimal("100000"), true, 30, null, 12, null));
        Contract contract = driver.contract(instance);
        openWindow(instance, workingDayOnOrBefore(contract.getEndDate().minusDays(30)));
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).count()).isEqualTo(3);

        ApiClient.Response terminated = api.send("manager1", "POST", "/api/contracts/" + contract.getId()
                + "/terminate", "{\"reason\": \"客户经营异常，双方协商解除\"}", "en");
        assertThat(terminated.status()).as("%s", terminated.body()).isEqualTo(200);
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.TERMINATED);
        assertThat(instance).isEnded().hasPassed("closeTerminatedContract");
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(renewals.findByContractIdOrderByIdAsc(contract.getId())).isEmpty();
    }

    /** Approved, signed by both and in force from its start date. */
    private ProcessInstance active(ContractTerms terms) throws Exception {
        ProcessInstance instance = afterApproval.approved(afterApproval.request(afterApproval.customer(), "100000",
                List.of(), terms));
        Contract signed = signing.signByBoth(instance);
        signing.startDateComes(instance, signed);
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.ACTIVE);
        return instance;
    }

    private void openWindow(ProcessInstance instance, LocalDate deadline) {
        ClockUtil.setCurrentTime(Date.from(at(deadline.minusDays(90))));
        signing.execute(instance, "awaitRenewalWindow");
    }

    private ApiClient.Response submit(String user, Task task, String decision) throws Exception {
        return api.send(user, "POST", "/engine-rest/task/" + task.getId() + "/submit-form",
                "{\"variables\": {\"renewalDecision\": {\"value\": \"" + decision + "\"}}}", "en");
    }

    private Task renewalTask(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("decideRenewal")
                .singleResult();
    }

    private Job job(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }

    private LocalDate workingDayOnOrBefore(LocalDate day) {
        LocalDate working = day;
        while (!calendar.isWorkingDay(working)) {
            working = working.minusDays(1);
        }
        return working;
    }

    private static Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(9, 0)).atZone(ZONE).toInstant();
    }

    private List<String> kinds(Contract contract, String recipient) {
        return notifications.findByContractIdOrderByIdAsc(contract.getId()).stream()
                .filter(n -> n.getRecipient().equals(recipient)).map(InAppNotification::getKind).toList();
    }
}
