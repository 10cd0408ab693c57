package dev.pactum.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pactum.PactumTest;
import dev.pactum.contract.Contract;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What an approver sees in Tasklist: tasks named after their contracts, in lists that show and sort them. */
@PactumTest
class TasklistViewTest {

    @Autowired ContractProcessDriver driver;
    @Autowired TaskService tasks;
    @Autowired FilterService filters;
    @Autowired IdentityService identity;

    @Test
    void anApprovalTaskIsNamedAfterItsContractAndListedForTheGroupWithItsNumberCustomerAndAmount() {
        ProcessInstance instance = driver.submit("sales1", "260000");
        Contract contract = driver.contract(instance);
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();

        assertThat(task.getName()).isEqualTo("审批 " + contract.getNumber() + " · 测试销售合同 · ¥ 260,000.00 CNY");
        assertThat(task.getDescription()).isEqualTo("测试客户有限公司");

        Filter groups = filters.createFilterQuery().filterName("我组的待办 My groups' tasks").singleResult();
        List<?> columns = (List<?>) groups.getProperties().get("variables");
        assertThat(columns.stream().map(column -> String.valueOf(((Map<?, ?>) column).get("name"))).toList())
                .containsExactly("contractNumber", "customerName", "amountText");
        identity.setAuthentication("manager2", List.of("sales-managers"));
        try {
            assertThat(filters.<Task>list(groups.getId())).extracting(Task::getId).contains(task.getId());
        } finally {
            identity.clearAuthentication();
        }
        identity.setAuthentication("legal2", List.of("legal"));
        try {
            assertThat(filters.<Task>list(groups.getId())).extracting(Task::getId).doesNotContain(task.getId());
        } finally {
            identity.clearAuthentication();
        }
    }
}
