package dev.pactum.obligation;

import static dev.pactum.TestPeers.PM_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.approval.ContractProcessDriver;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractTerms;
import dev.pactum.contract.ContractType;
import dev.pactum.contract.MilestoneEvent;
import dev.pactum.contract.MilestonePlan;
import dev.pactum.contract.NewContract;
import dev.pactum.integration.SignedEvents;
import dev.pactum.notification.InAppNotification;
import dev.pactum.notification.InAppNotificationRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Milestones "N days after the project's acceptance (delivery)" on the real engine, its clock moved: each waits in
 * its instance until the project system's signed event arrives, is then due on the event's date plus N days, and is
 * reminded and goes OVERDUE like a dated one; the same event twice has one effect; an event before activation fixes
 * the due date at activation; an event for an unknown contract is stored and refused clearly.
 */
@PactumTest
class ProjectMilestonesProcessTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired ProcessEngine engine;
    @Autowired ManagementService management;
    @Autowired AfterApprovalContracts afterApproval;
    @Autowired SigningDriver signing;
    @Autowired ContractProcessDriver driver;
    @Autowired SignedEvents events;
    @Autowired InAppNotificationRepository notifications;
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

    private NewContract request(String projectId, List<MilestonePlan> milestones) {
        LocalDate start = AfterApprovalContracts.today().plusDays(30);
        return new NewContract("sales-standard", afterApproval.customer().getId(), "项目验收回款", ContractType.SALES,
                new BigDecimal("200000.00"), "CNY", start, start.plusYears(1).minusDays(1), 30, Map.of(),
                new ContractTerms(new BigDecimal("200000.00"), false, null, null), null, milestones, projectId);
    }

    @Test
    void anAcceptanceStartsTheMilestoneWhichIsThenRemindedAndGoesOverdueAndTheSameEventTwiceHasOneEffect()
            throws Exception {
        String project = "PRJ-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate start = AfterApprovalContracts.today().plusDays(30);
        ProcessInstance instance = afterApproval.approved(request(project, List.of(
                new MilestonePlan(start.plusDays(20), null, null, new BigDecimal("60000.00"), null, "首付款"),
                new MilestonePlan(null, 30, MilestoneEvent.ACCEPTANCE, null, new BigDecimal("70"), "验收款"))));
        Contract signed = signing.signByBoth(instance);
        signing.startDateComes(instance, signed);
        Contract contract = driver.contract(instance);

        assertThat(instance).as("the accepted milestone waits at the event-based gateway before its message catch")
                .isWaitingAt("awaitPayment", "awaitProjectEventGateway", "awaitRenewalWindow");
        JsonNode view = get("/api/contracts/" + contract.getId());
        assertThat(view.at("/milestones/1/status").asText()).isEqualTo("AWAITING_EVENT");
        assertThat(view.at("/milestones/1/dueDate").isTextual()).as("no due date yet").isFalse();
        assertThat(view.at("/milestones/1/event").asText()).isEqualTo("ACCEPTANCE");
        assertThat(view.at("/milestones/1/projectId").asText()).isEqualTo(project);
        assertThat(pay(contract, 1, "60000.00", start).status()).isEqualTo(201);

        LocalDate acceptedOn = start.plusDays(40);
        ClockUtil.setCurrentTime(Date.from(acceptedOn.plusDays(1).atTime(10, 0).atZone(ZONE).toInstant()));
        String eventId = "pm-" + UUID.randomUUID();
        String body = accepted(contract.getNumber(), project, acceptedOn);
        SignedEvents.Answer first = events.send("pm", PM_SECRET, eventId, body);
        assertThat(first.status()).as("%s", first.body()).isEqualTo(200);
        LocalDate due = acceptedOn.plusDays(30);
        assertThat(first.body().at("/effect/started/0/id").asInt()).isEqualTo(2);
        assertThat(first.body().at("/effect/started/0/dueDate").asText()).isEqualTo(due.toString());

        assertThat(instance).isWaitingAt("awaitPayment", "awaitRenewalWindow");
        view = get("/api/contracts/" + contract.getId());
        assertThat(view.at("/milestones/1/status").asText()).isEqualTo("OPEN");
        assertThat(view.at("/milestones/1/dueDate").asText()).isEqualTo(due.toString());
        assertThat(view.at("/milestones/1/eventOn").asText()).isEqualTo(acceptedOn.toString());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'PROJECT_EVENT_RECEIVED'"
                + " and object_type = 'contract' and object_id = ?", Integer.class, contract.getId().toString()))
                .as("the acceptance is in the contract's history").isOne();

        SignedEvents.Answer sameId = events.send("pm", PM_SECRET, eventId, body);
        assertThat(sameId.body().at("/duplicate").asBoolean()).isTrue();
        SignedEvents.Answer resent = events.send("pm", PM_SECRET, "pm-" + UUID.randomUUID(),
                accepted(contract.getNumber(), project, acceptedOn.plusDays(5)));
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.body().at("/effect/started").size()).isZero();
        assertThat(resent.body().at("/effect/alreadyStarted/0").asInt()).isEqualTo(2);
        assertThat(get("/api/contracts/" + contract.getId()).at("/milestones/1/dueDate").asText())
                .as("the first acceptance counts").isEqualTo(due.toString());
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).activityId("paymentOverdue")
                .count()).as("one overdue timer, for the accepted milestone").isOne();

        fire(instance, "paymentFirstReminderDue", due.minusDays(7).atTime(9, 0));
        fire(instance, "paymentLastReminderDue", due.minusDays(1).atTime(9, 0));
        assertThat(notifications.findByContractIdOrderByIdAsc(contract.getId()).stream()
                .filter(n -> n.getRecipient().equals("sales1")).map(InAppNotification::getKind).toList())
                .containsExactly("payment-reminder", "payment-reminder");
        fire(instance, "paymentOverdue", due.plusDays(1).atStartOfDay());
        assertThat(get("/api/contracts/" + contract.getId()).at("/milestones/1/status").asText())
                .isEqualTo("OVERDUE");
    }

    @Test
    void aDeliveryReportedBeforeActivationFixesTheDueDateAtActivationAndAnUnknownContractIsStoredAndRefused()
            throws Exception {
        LocalDate start = AfterApprovalContracts.today().plusDays(30);
        String own = "DLV-" + UUID.randomUUID().toString().substring(0, 8);
        ProcessInstance instance = afterApproval.approved(request("PRJ-MAIN", List.of(
                new MilestonePlan(null, 10, MilestoneEvent.DELIVERY, new BigDecimal("200000.00"), null, "交付款",
                        own))));
        Contract contract = driver.contract(instance);

        SignedEvents.Answer otherProject = events.send("pm", PM_SECRET, "pm-" + UUID.randomUUID(),
                delivered(contract.getNumber(), "PRJ-MAIN", start.minusDays(3)));
        assertThat(otherProject.status()).isEqualTo(200);
        assertThat(otherProject.body().at("/effect/startsAtActivation").size())
                .as("the milestone counts from its own project's delivery").isZero();
        SignedEvents.Answer early = events.send("pm", PM_SECRET, "pm-" + UUID.randomUUID(),
                delivered(contract.getNumber(), own, start.minusDays(2)));
        assertThat(early.status()).as("%s", early.body()).isEqualTo(200);
        assertThat(early.body().at("/effect/startsAtActivation/0").asInt()).isEqualTo(1);

        Contract signed = signing.signByBoth(instance);
        signing.startDateComes(instance, signed);
        assertThat(instance).isWaitingAt("awaitPayment", "awaitRenewalWindow");
        JsonNode view = get("/api/contracts/" + contract.getId());
        assertThat(view.at("/milestones/0/status").asText()).isEqualTo("OPEN");
        assertThat(view.at("/milestones/0/dueDate").asText()).isEqualTo(start.plusDays(8).toString());

        String unknown = "pm-" + UUID.randomUUID();
        SignedEvents.Answer refused = events.send("pm", PM_SECRET, unknown,
                delivered("HT-1999-000077", own, start));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("detail").asText()).contains("HT-1999-000077", "stored");
        assertThat(jdbc.queryForObject("select status from integration_event where event_id = ?", String.class,
                unknown)).isEqualTo("FAILED");
    }

    @Test
    void aScheduleWithProjectEventsIsCheckedFieldByField() throws Exception {
        LocalDate start = AfterApprovalContracts.today().plusDays(30);
        String body = """
                {"templateKey": "sales-standard", "customerId": %d, "title": "验收回款校验", "type": "SALES",
                 "amount": 100000, "currency": "CNY", "startDate": "%s", "endDate": "%s", "paymentTermDays": 30,
                 "milestones": [
                   {"daysAfter": 15, "event": "ACCEPTANCE", "percent": 50, "description": "验收款"},
                   {"dueDate": "%s", "daysAfter": 3, "event": "DELIVERY", "amount": 50000, "description": "交付款"}
                 ]}""".formatted(afterApproval.customer().getId(), start, start.plusYears(1).minusDays(1),
                start.plusDays(10));
        ApiClient.Response refused = api.send("sales1", "POST", "/api/contracts", body, "en");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.fields()).containsExactlyInAnyOrder("milestones[0].projectId", "milestones[1].dueDate",
                "milestones[1].projectId");
        assertThat(refused.body().toString()).contains("needs a project", "exactly one of the two");
        ApiClient.Response chinese = api.send("sales1", "POST", "/api/contracts", body, "zh-CN");
        assertThat(chinese.body().toString()).contains("须关联项目");

        ApiClient.Response unknownEvent = api.send("sales1", "POST", "/api/contracts",
                body.replace("\"ACCEPTANCE\"", "\"HANDOVER\""), "en");
        assertThat(unknownEvent.status()).isEqualTo(400);
        assertThat(unknownEvent.fields()).containsExactly("milestones[0].event");
        assertThat(unknownEvent.body().toString()).contains("ACCEPTANCE", "DELIVERY");

        String good = body.replace("\"amount\": 100000,", "\"amount\": 100000, \"projectId\": \"PRJ-7\",")
                .replace("\"dueDate\": \"%s\", ".formatted(start.plusDays(10)), "");
        ApiClient.Response drafted = api.send("sales1", "POST", "/api/contracts", good, "en");
        assertThat(drafted.status()).as("%s", drafted.body()).isEqualTo(201);
        JsonNode view = get("/api/contracts/" + drafted.body().at("/id").asLong());
        assertThat(view.at("/projectId").asText()).isEqualTo("PRJ-7");
        assertThat(view.at("/milestones/0/projectId").asText()).as("the contract's project").isEqualTo("PRJ-7");
        assertThat(view.at("/milestones/1/event").asText()).isEqualTo("DELIVERY");
        assertThat(view.at("/milestones/1/status").asText()).isEqualTo("PLANNED");
    }

    private static String accepted(String number, String project, LocalDate on) {
        return """
                {"type": "milestone.accepted", "contractNumber": "%s", "projectId": "%s", "acceptedOn": "%s"}"""
                .formatted(number, project, on);
    }

    private static String delivered(String number, String project, LocalDate on) {
        return """
                {"type": "project.delivered", "contractNumber": "%s", "projectId": "%s", "deliveredOn": "%s"}"""
                .formatted(number, project, on);
    }

    private void fire(ProcessInstance instance, String activityId, LocalDateTime at) {
        ClockUtil.setCurrentTime(Date.from(at.atZone(ZONE).toInstant()));
        Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .orderByJobDuedate().asc().list().get(0);
        assertThat(job.getDuedate()).isEqualTo(Date.from(at.atZone(ZONE).toInstant()));
        management.executeJob(job.getId());
    }

    private ApiClient.Response pay(Contract contract, int milestone, String amount, LocalDate paidOn)
            throws Exception {
        return api.send("finance1", "POST", "/api/contracts/" + contract.getId() + "/payments", """
                {"milestoneId": %d, "amount": %s, "paidOn": "%s", "reference": "银行流水 %s"}"""
                .formatted(milestone, amount, paidOn, amount), "en");
    }

    private JsonNode get(String path) throws Exception {
        ApiClient.Response response = api.send("sales1", "GET", path, null, "en");
        assertThat(response.status()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response.body();
    }
}
