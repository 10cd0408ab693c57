package dev.pactum.approval;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Approval settings (prefix {@code pactum.approval}).
 *
 * @param escalation    what happens when a level's SLA is breached
 * @param groupManagers the manager (user id) of each approver group, who takes over its overdue tasks when
 *                      {@code escalation.reassign-to-manager} is on
 */
@ConfigurationProperties(prefix = "pactum.approval")
record ApprovalProperties(@DefaultValue Escalation escalation, Map<String, String> groupManagers) {

    public ApprovalProperties {
        groupManagers = groupManagers == null ? Map.of() : Map.copyOf(groupManagers);
    }

    /** @param reassignToManager hand an overdue task to its group's manager as well as notifying */
    public record Escalation(@DefaultValue("false") boolean reassignToManager) {
    }
}
