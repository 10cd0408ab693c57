package dev.pactum.approval;

import dev.pactum.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Approvals", description = "审批 · approval history, delegation, out of office")
class ApprovalController {

    private final ApprovalHistory history;
    private final TaskDelegation delegation;
    private final Deputies deputies;
    private final CurrentUser currentUser;

    public ApprovalController(ApprovalHistory history, TaskDelegation delegation, Deputies deputies,
                              CurrentUser currentUser) {
        this.history = history;
        this.delegation = delegation;
        this.deputies = deputies;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/contracts/{id}/approvals")
    @Operation(summary = "Every approval round of a contract: levels, open tasks and decisions, live")
    public ApprovalHistory.View approvals(@PathVariable long id) {
        return history.of(id);
    }

    @PostMapping("/api/tasks/{taskId}/delegate")
    @Operation(summary = "Hand an approval task to someone who decides on your behalf (assignee or candidate only)")
    public DelegatedTask delegate(@PathVariable String taskId, @Valid @RequestBody DelegateRequest request) {
        Task task = delegation.delegate(taskId, currentUser.username(), currentUser.groups(), request.to().trim());
        return new DelegatedTask(task.getId(), task.getAssignee(), currentUser.username());
    }

    @GetMapping("/api/me/out-of-office")
    @Operation(summary = "My out-of-office period, if any (204 when none)")
    public ResponseEntity<Absence> outOfOffice() {
        return deputies.absence(currentUser.username()).map(Absence::of).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PutMapping("/api/me/out-of-office")
    @Operation(summary = "Set my out-of-office period: tasks assigned to me from..to (inclusive) go to the deputy")
    public Absence setOutOfOffice(@Valid @RequestBody Absence request) {
        return Absence.of(deputies.setAway(currentUser.username(), request.deputy().trim(), request.from(),
                request.to()));
    }

    @DeleteMapping("/api/me/out-of-office")
    @Operation(summary = "I am back: end my out-of-office period")
    public ResponseEntity<Void> endOutOfOffice() {
        deputies.back(currentUser.username());
        return ResponseEntity.noContent().build();
    }

    public record DelegateRequest(@NotBlank String to) {
    }

    public record DelegatedTask(String taskId, String assignee, String delegatedBy) {
    }

    public record Absence(@NotBlank String deputy, @NotNull LocalDate from, @NotNull LocalDate to) {

        static Absence of(OutOfOffice absence) {
            return new Absence(absence.getDeputy(), absence.getFromDate(), absence.getToDate());
        }
    }
}
