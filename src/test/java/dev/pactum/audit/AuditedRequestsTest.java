package dev.pactum.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditedRequestsTest {

    private final AuditedRequests requests = new AuditedRequests("/camunda");

    @Test
    void pactumApiCallsAreNamedByWhatTheyDo() {
        assertThat(requests.classify("GET", "/api/contracts/12"))
                .isEqualTo(new AuditedAction("CONTRACT_VIEW", "contract", "12", true));
        assertThat(requests.classify("GET", "/api/contracts/12/document").action()).isEqualTo("CONTRACT_DOWNLOAD");
        assertThat(requests.classify("POST", "/api/contracts/12/submit").action()).isEqualTo("CONTRACT_SUBMIT");
        assertThat(requests.classify("POST", "/api/contracts"))
                .isEqualTo(new AuditedAction("CONTRACT_CREATE", "contract", null, false));
        assertThat(requests.classify("POST", "/api/admin/rules/reload").action()).isEqualTo("RULES_RELOAD");
        assertThat(requests.classify("POST", "/api/tasks/abc-1/delegate"))
                .isEqualTo(new AuditedAction("TASK_DELEGATE", "task", "abc-1", false));
    }

    @Test
    void anyOtherApiCallIsStillRecorded() {
        assertThat(requests.classify("GET", "/api/reports/7"))
                .isEqualTo(new AuditedAction("API_READ", "reports", "7", true));
        assertThat(requests.classify("DELETE", "/api/reports/7").action()).isEqualTo("API_WRITE");
    }

    @Test
    void engineChangesAreNamedUnderEveryEnginePath() {
        for (String prefix : new String[] {"/engine-rest", "/engine-rest/engine/default",
                "/camunda/api/engine/engine/default"}) {
            assertThat(requests.classify("POST", prefix + "/task/t-1/complete"))
                    .isEqualTo(new AuditedAction("TASK_COMPLETE", "task", "t-1", false));
            assertThat(requests.classify("POST", prefix + "/task/t-1/claim").action()).isEqualTo("TASK_CLAIM");
            assertThat(requests.classify("POST", prefix + "/task/t-1/assignee").action()).isEqualTo("TASK_ASSIGN");
            assertThat(requests.classify("POST", prefix + "/deployment/create").action())
                    .isEqualTo("DEPLOYMENT_CREATE");
            assertThat(requests.classify("PUT", prefix + "/group/legal/members/sales1"))
                    .isEqualTo(new AuditedAction("GROUP_MEMBER_ADD", "group", "legal", false));
            assertThat(requests.classify("DELETE", prefix + "/authorization/a-9").action())
                    .isEqualTo("AUTHORIZATION_DELETE");
            assertThat(requests.classify("PUT", prefix + "/user/bob/credentials").action())
                    .isEqualTo("USER_PASSWORD_CHANGE");
        }
    }

    @Test
    void engineReadsAndQueriesSentAsPostAreNotActions() {
        assertThat(requests.classify("GET", "/camunda/api/engine/engine/default/task")).isNull();
        assertThat(requests.classify("POST", "/camunda/api/engine/engine/default/task")).isNull();
        assertThat(requests.classify("POST", "/camunda/api/engine/engine/default/task/count")).isNull();
        assertThat(requests.classify("POST", "/camunda/api/engine/engine/default/filter/f-1/list")).isNull();
        assertThat(requests.classify("GET", "/camunda/app/tasklist/default/")).isNull();
        assertThat(requests.classify("GET", "/camunda/api/engine/engine/default/task/t-1/form-variables").action())
                .as("how Tasklist shows a contract to its approver").isEqualTo("TASK_FORM_VIEW");
        assertThat(requests.classify("POST", "/engine-rest/job/j-1/retries").action()).isEqualTo("ENGINE_CHANGE");
    }

    @Test
    void aReadAnsweredWithAFileIsAnExport() {
        assertThat(requests.classify("GET", "/api/audit").asExport().action()).isEqualTo("AUDIT_EXPORT");
        assertThat(requests.classify("GET", "/api/contracts").asExport().action()).isEqualTo("CONTRACT_EXPORT");
        assertThat(requests.classify("GET", "/api/reports").asExport().action()).isEqualTo("REPORTS_EXPORT");
    }

    @Test
    void csvCellsAreQuotedAndFormulasDisarmed() {
        assertThat(AuditController.cell("plain")).isEqualTo("plain");
        assertThat(AuditController.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditController.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditController.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditController.cell(null)).isEmpty();
    }
}
