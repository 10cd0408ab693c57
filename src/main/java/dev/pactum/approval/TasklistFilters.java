package dev.pactum.approval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The task lists an approver opens in Tasklist: 我的待办 (assigned to me), 我组的待办 (offered to my groups, not yet
 * claimed) and 即将超时 (due within a day), each showing the contract number, customer and amount beside the task
 * and the soonest due first. Created once, when missing; an admin may change them in Tasklist afterwards.
 */
@Component
class TasklistFilters {

    private static final List<Map<String, Object>> CONTRACT_COLUMNS = List.of(
            column("contractNumber", "合同编号 Number"),
            column("customerName", "客户 Customer"),
            column("amountText", "金额 Amount"));

    private final FilterService filters;
    private final TaskService tasks;

    TasklistFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createMissing() {
        create("我的待办 My tasks", -10, (TaskQuery) tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        create("我组的待办 My groups' tasks", -9, (TaskQuery) tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
        create("即将超时 Due within a day", -8, (TaskQuery) tasks.createTaskQuery()
                .dueBeforeExpression("${dateTime().plusDays(1)}"));
    }

    private void create(String name, int priority, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("refresh", true);
        properties.put("variables", CONTRACT_COLUMNS);
        Filter filter = filters.newTaskFilter(name).setQuery(query.orderByDueDate().asc()).setProperties(properties);
        filters.saveFilter(filter);
    }

    private static Map<String, Object> column(String variable, String label) {
        return Map.of("name", variable, "label", label);
    }
}
