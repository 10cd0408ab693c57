package dev.pactum.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import dev.pactum.PactumTest;
import dev.pactum.TestMailServer;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractRepository;
import dev.pactum.contract.ContractService;
import dev.pactum.contract.TestContracts;
import dev.pactum.notification.InAppNotification;
import dev.pactum.notification.InAppNotificationRepository;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The approval level's SLA timers, deputies and decisions on someone's behalf, on the real engine and SMTP. */
@PactumTest
class ApprovalDeadlinesProcessTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired ContractService contractService;
    @Autowired ContractRepository contracts;
    @Autowired TestContracts testContracts;
    @Autowired InAppNotificationRepository inbox;
    @Autowired ApprovalDeadlines deadlines;
    @Autowired ApprovalDecisionRepository decisions;
    @Autowired Deputies deputies;

    @BeforeEach
    void useEngine() {
        AbstractAssertions.init(engine);
        // Monday 7 Dec 2026, 09:00 in Shanghai: a plain working week.
        ClockUtil.setCurrentTime(date("2026-12-07T09:00"));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        deputies.back("manager1");
        deputies.back("legal1");
    }

    @Test
    void halfwayThroughTheSlaTheCandidatesAreRemindedInAppAndByEmail() throws Exception {
        ProcessInstance instance = submit("sales1", "200000");
        assertThat(instance).isWaitingAt("approveContract");
        // sales-managers have 24 working hours: reminder at 12h, due at 24h.
        assertThat(job("approvalReminderDue", instance).getDuedate()).isEqualTo(date("2026-12-07T21:00"));
        assertThat(job("approvalSlaBreached", instance).getDuedate()).isEqualTo(date("2026-12-08T09:00"));
        assertThat(task(instance).getDueDate()).isEqualTo(date("2026-12-08T09:00"));

        ClockUtil.setCurrentTime(date("2026-12-07T21:00"));
        execute(job("approvalReminderDue", instance));

        assertThat(instance).hasPassed("remindApprovers").isWaitingAt("approveContract");
        Contract contract = contract(instance);
        assertThat(notificationsOf(contract)).extracting(InAppNotification::getRecipient)
                .containsExactlyInAnyOrder("manager1", "manager2");
        MimeMessage mail = mailTo("manager2@pactum.example", contract.getNumber());
        assertThat(mail.getSubject()).isEqualTo("【审批提醒】合同 " + contract.getNumber() + " 等待您审批 / Reminder: contract "
                + contract.getNumber() + " awaits your approval");
        assertThat(mail.getContent().toString()).contains("请于 2026-12-08 09:00 前处理", "please decide by 2026-12-08 09:00");
        assertThat(mailTo("manager1@pactum.example", contract.getNumber())).isNotNull();
    }

    @Test
    void aClaimedTaskRemindsOnlyItsAssignee() {
        ProcessInstance instance = submit("sales1", "210000");
        tasks.claim(task(instance).getId(), "manager2");

        execute(job("approvalReminderDue", instance));

        assertThat(notificationsOf(contract(instance))).extracting(InAppNotification::getRecipient)
                .containsExactly("manager2");
    }

    @Test
    void aBreachedSlaNotifiesTheNextLevelAndTheOwnerAndMarksTheTaskUrgent() throws Exception {
        // 1,000,000: level 2 is legal and finance together (会签), so both groups hear of the delay.
        ProcessInstance instance = submit("sales1", "1000000");

        execute(job("approvalSlaBreached", instance));

        assertThat(instance).hasPassed("escalateApproval").isWaitingAt("approveContract");
        Contract contract = contract(instance);
        assertThat(notificationsOf(contract)).extracting(InAppNotification::getRecipient)
                .containsExactlyInAnyOrder("legal1", "legal2", "finance1", "sales1");
        assertThat(task(instance).getPriority()).isEqualTo(ApprovalDeadlines.ESCALATED_PRIORITY);
        assertThat(task(instance).getAssignee()).isNull();
        assertThat(level(contract, 1).getEscalatedAt()).isNotNull();
        assertThat(mailTo("finance1@pactum.example", contract.getNumber()).getSubject())
                .startsWith("【审批超时】合同 " + contract.getNumber() + " 第 1 级审批已超时");
    }

    @Test
    void withReassignToManagerTheOverdueTaskGoesToTheGroupsManager() {
        ProcessInstance instance = submit("sales1", "220000");
        Contract contract = contract(instance);

        // The policy as pactum.approval.escalation.reassign-to-manager=true would apply it (group-managers in yaml).
        deadlines.escalate(instance.getId(), true);

        assertThat(task(instance)).isAssignedTo("director1");
        assertThat(notificationsOf(contract)).extracting(InAppNotification::getRecipient)
                .containsExactlyInAnyOrder("sales1", "director1");
        assertThat(notificationsOf(contract).get(0).getBody()).contains("审批任务已转交：director1");
    }

    @Test
    void aTaskClaimedBySomeoneOutOfOfficeGoesToTheDeputyWhoDecidesOnTheirBehalf() {
        deputies.setAway("manager1", "manager2", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 10));
        ProcessInstance instance = submit("sales1", "230000");
        Task task = task(instance);

        tasks.claim(task.getId(), "manager1");

        assertThat(task(instance)).isAssignedTo("manager2");
        tasks.complete(task.getId(), decision("approve", null));
        assertThat(instance).isWaitingAt("signAsCompany");
        ApprovalDecision recorded = decisions.findAll().stream()
                .filter(d -> d.getTaskId().equals(task.getId())).findFirst().orElseThrow();
        assertThat(recorded.getDecidedBy()).isEqualTo("manager2");
        assertThat(recorded.getOnBehalfOf()).isEqualTo("manager1");
    }

    @Test
    void outsideTheAbsenceTheTaskStaysWithWhoClaimedIt() {
        deputies.setAway("manager1", "manager2", LocalDate.of(2026, 12, 20), LocalDate.of(2026, 12, 31));
        ProcessInstance instance = submit("sales1", "240000");

        tasks.claim(task(instance).getId(), "manager1");

        assertThat(task(instance)).isAssignedTo("manager1");
    }

    @Test
    void aRejectionTellsTheOwnerWithTheComment() throws Exception {
        ProcessInstance instance = submit("sales1", "250000");
        Task task = task(instance);
        tasks.claim(task.getId(), "manager1");
        tasks.complete(task.getId(), decision("reject", "客户资信不足 & 无担保"));

        Contract contract = contract(instance);
        List<InAppNotification> sent = notificationsOf(contract);
        assertThat(sent).extracting(InAppNotification::getRecipient).containsExactly("sales1");
        assertThat(sent.get(0).getKind()).isEqualTo("approval-rejected");
        assertThat(sent.get(0).getBody()).contains("审批意见：客户资信不足 & 无担保");
        MimeMessage mail = mailTo("sales1@pactum.example", contract.getNumber());
        assertThat(mail.getSubject()).contains("已被驳回");
        assertThat(mail.getContent().toString()).contains("客户资信不足 & 无担保");
    }

    @Autowired ContractProcessDriver driver;

    private ProcessInstance submit(String owner, String amount) {
        return driver.submit(owner, amount);
    }

    private static Map<String, Object> decision(String decision, String comment) {
        return ContractProcessDriver.decision(decision, comment);
    }

    private Contract contract(ProcessInstance instance) {
        return driver.contract(instance);
    }

    private ApprovalLevelEntry level(Contract contract, int level) {
        return driver.level(contract, level);
    }

    private List<InAppNotification> notificationsOf(Contract contract) {
        return inbox.findByContractIdOrderByIdAsc(contract.getId());
    }

    /** The mail about the contract that reached the address; GreenMail keeps every mail of the suite. */
    private static MimeMessage mailTo(String address, String contractNumber) throws MessagingException {
        for (MimeMessage message : TestMailServer.greenMail().getReceivedMessages()) {
            boolean toAddress = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equals(address));
            if (toAddress && message.getSubject().contains(contractNumber)) {
                return message;
            }
        }
        throw new AssertionError("no mail about " + contractNumber + " to " + address);
    }

    private static Date date(String local) {
        return Date.from(LocalDateTime.parse(local).atZone(SHANGHAI).toInstant());
    }
}
