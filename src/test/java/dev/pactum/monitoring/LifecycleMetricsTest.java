package dev.pactum.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pactum.ApiClient;
import dev.pactum.PactumTest;
import dev.pactum.approval.ContractProcessDriver;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractStatus;
import dev.pactum.obligation.AfterApprovalContracts;
import dev.pactum.obligation.SigningDriver;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The scrape an operator's Prometheus reads, after contracts went through the real engine: every metric Pactum
 * promises is there, and its value follows what happened (compared with the engine's own answers at that moment).
 */
@PactumTest
class LifecycleMetricsTest {

    @Autowired ApiClient api;
    @Autowired ContractProcessDriver driver;
    @Autowired AfterApprovalContracts afterApproval;
    @Autowired SigningDriver signing;
    @Autowired EngineGauges gauges;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aContractDrivenToActiveShowsInTheLifecycleCounters() throws Exception {
        Scrape before = scrape();

        ProcessInstance instance = afterApproval.approved("200000", List.of());
        Contract signed = signing.signByBoth(instance);
        signing.startDateComes(instance, signed);
        assertThat(driver.contract(instance).getStatus()).isEqualTo(ContractStatus.ACTIVE);

        Scrape after = scrape();
        assertThat(increase(before, after, "pactum_contracts_submitted_total")).isEqualTo(1.0);
        assertThat(increase(before, after, "pactum_contracts_activated_total", "type", "SALES")).isEqualTo(1.0);
        assertThat(increase(before, after, "pactum_contracts_activated_total", "type", "NDA")).isZero();
        assertThat(increase(before, after, "pactum_document_render_seconds_count", "template", "sales-standard"))
                .isGreaterThanOrEqualTo(1.0);
        double renderSeconds = increase(before, after, "pactum_document_render_seconds_sum", "template",
                "sales-standard");
        assertThat(renderSeconds).isPositive().isLessThan(120.0);
        assertThat(after.value("pactum_document_render_seconds_bucket", "template", "sales-standard", "le", "+Inf"))
                .hasValue(after.value("pactum_document_render_seconds_count", "template", "sales-standard")
                        .orElseThrow());
    }

    @Test
    void theEngineGaugesReportTheBacklogFailuresIncidentsTasksAndSlaBreaches() throws Exception {
        ProcessInstance waiting = driver.submit("sales1", "200000");
        String approvalExecution = tasks.createTaskQuery().processInstanceId(waiting.getId()).singleResult()
                .getExecutionId();
        Incident incident = runtime.createIncident("monitoringTest", approvalExecution, "raised by LifecycleMetricsTest");
        try {
            gauges.refresh();
            Scrape now = scrape();

            assertThat(now.value("pactum_jobs_executable")).hasValue(
                    (double) management.createJobQuery().executable().count());
            assertThat(now.value("pactum_jobs_failed")).hasValue(
                    (double) management.createJobQuery().noRetriesLeft().count());
            assertThat(now.value("pactum_incidents_open")).hasValue((double) runtime.createIncidentQuery().count());
            assertThat(now.value("pactum_incidents_open").orElseThrow()).isGreaterThanOrEqualTo(1.0);
            double managers = now.value("pactum_tasks_open", "group", "sales-managers").orElseThrow();
            assertThat(managers).isGreaterThanOrEqualTo(1.0).isEqualTo((double) tasks.createTaskQuery()
                    .taskCandidateGroup("sales-managers").includeAssignedTasks().count());
            double pastSlaNow = now.value("pactum_approvals_past_sla").orElseThrow();

            // A month later (the engine's clock), level 1's 24 working hours are over: one more breach at least.
            ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(Duration.ofDays(30))));
            gauges.refresh();
            assertThat(scrape().value("pactum_approvals_past_sla").orElseThrow()).isGreaterThan(pastSlaNow);
        } finally {
            runtime.resolveIncident(incident.getId());
        }
    }

    @Test
    void theScrapeCarriesTheJvmHttpAndConnectionPoolMetrics() throws Exception {
        assertThat(api.send("sales1", "GET", "/api/contracts", null, null).status()).isEqualTo(200);
        Scrape scrape = scrape();

        assertThat(scrape.sum("jvm_memory_used_bytes")).isPositive();
        assertThat(scrape.sum("jvm_threads_live_threads")).isPositive();
        assertThat(scrape.sum("http_server_requests_seconds_count")).isPositive();
        assertThat(scrape.sum("hikaricp_connections_max")).isPositive();
        assertThat(scrape.has("hikaricp_connections_active")).isTrue();
        assertThat(scrape.series()).allSatisfy(series -> assertThat(series.name()).doesNotContain("."));
        assertThat(scrape.value("pactum_jobs_executable").orElseThrow()).isNotNaN().isGreaterThanOrEqualTo(0);
    }

    private double increase(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels).orElseThrow(() -> new AssertionError(name + " missing"))
                - before.value(name, labels).orElse(0);
    }

    private Scrape scrape() throws Exception {
        HttpResponse<String> answer = api.send(api.request("admin", "GET", "/actuator/prometheus", null, null),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return Scrape.parse(answer.body());
    }
}
