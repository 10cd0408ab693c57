package dev.pactum.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.approval.ImCardAnswer.Outcome;
import dev.pactum.audit.AuditEntry;
import dev.pactum.audit.AuditTrail;
import dev.pactum.config.PactumProperties;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import dev.pactum.process.ContractProcess.Var;
import dev.pactum.risk.RiskAssessment;
import dev.pactum.risk.RiskLevel;
import dev.pactum.risk.RiskRecords;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides an approval task from an IM card's click with exactly Tasklist's rules: the approver claims the task and
 * submits its form as the signed-in user would, so the engine's authorization (candidate or assignee: TASK_WORK),
 * {@link RouteToDeputy} (owner, entitlement, deputies) and {@link RecordApprovalDecision} (decision, comment,
 * separation of duties, the record naming the approver) all apply unchanged. A click is stored with its answer in
 * the same transaction as the decision, so the same callback twice has one effect and gets the same answer.
 */
@Service
class ImCardDecisions {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TaskService tasks;
    private final FormService forms;
    private final IdentityService identity;
    private final ContractQueries contracts;
    private final ApprovalDecisionRepository decisions;
    private final RiskRecords risks;
    private final PactumProperties pactum;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Clock clock;

    ImCardDecisions(TaskService tasks, FormService forms, IdentityService identity, ContractQueries contracts,
                    ApprovalDecisionRepository decisions, RiskRecords risks, PactumProperties pactum,
                    MessageSource messages, AuditTrail audit, JdbcTemplate jdbc,
                    PlatformTransactionManager transactions, ObjectMapper json, Clock clock) {
        this.tasks = tasks;
        this.forms = forms;
        this.identity = identity;
        this.contracts = contracts;
        this.decisions = decisions;
        this.risks = risks;
        this.pactum = pactum;
        this.messages = messages;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
    }

    /** The card for an open task of the contract (read in a transaction of its own: the customer is lazy). */
    ImCard cardOf(long contractId, String taskId) {
        return transaction.execute(status -> cardOf(contracts.get(contractId), taskId));
    }

    private ImCard cardOf(Contract contract, String taskId) {
        RiskLevel risk = risks.latest(contract.getId()).map(RiskAssessment::level).orElse(null);
        return new ImCard(taskId, contract.getId(), contract.getNumber(), contract.getTitle(),
                contract.getCustomer().getName(), ApprovalFormVariables.amountText(contract),
                risk == null ? null : risk.name(), pactum.baseUrl() + "/contracts/" + contract.getId(),
                pactum.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId, null, null);
    }

    /**
     * Acts on one authenticated click by {@code pactumUser} (empty: the IM user is mapped to nobody) and answers
     * it; a click seen before is answered as it was then, with no further effect.
     */
    ImCardAnswer decide(ImCardAction action, Optional<String> pactumUser, String channel) {
        Optional<ImCardAnswer> seen = stored(action);
        if (seen.isPresent()) {
            return seen.get();
        }
        if (pactumUser.isEmpty()) {
            return refused(action, null, null, text("pactum.imcard.userUnmapped", channel, action.imUserId()));
        }
        String user = pactumUser.get();
        Optional<Decision> decision = Decision.parse(action.decision());
        if (decision.isEmpty()) {
            return refused(action, user, null, text("pactum.validation.decisionRequired"));
        }
        Contract contract;
        try {
            contract = contracts.get(action.contractId());
        } catch (RuntimeException notFound) {
            return refused(action, user, null, text("pactum.imcard.closed"));
        }
        ImCard card = cardOf(contract.getId(), action.taskId());
        Task task = tasks.createTaskQuery().taskId(action.taskId()).singleResult();
        if (task == null || !contracts.ofProcess(task.getProcessInstanceId()).getId().equals(contract.getId())) {
            return alreadyDecided(action, user, card);
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
            String message = text("pactum.imcard.claimedByOther", task.getAssignee());
            return store(action, user, Outcome.ALREADY_DECIDED, new ImCardAnswer(Outcome.ALREADY_DECIDED, message,
                    card.answered(message, "info")));
        }
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                .toList();
        String comment = action.comment() == null || action.comment().isBlank() ? null : action.comment().trim();
        try {
            ImCardAnswer answer = transaction.execute(status -> {
                if (!claimRow(action, user)) {
                    return null;
                }
                identity.setAuthentication(user, groups);
                try {
                    if (task.getAssignee() == null) {
                        tasks.claim(task.getId(), user);
                        Task claimed = tasks.createTaskQuery().taskId(task.getId()).singleResult();
                        if (!user.equals(claimed.getAssignee())) {
                            throw new CardRefusal(text("pactum.imcard.routedToDeputy", claimed.getAssignee()));
                        }
                    }
                    Map<String, Object> variables = new HashMap<>();
                    variables.put(Var.DECISION, decision.get().name().toLowerCase(Locale.ROOT));
                    variables.put(Var.COMMENT, comment);
                    forms.submitTaskForm(task.getId(), variables);
                } finally {
                    identity.clearAuthentication();
                }
                String message = text("pactum.imcard.done", label(decision.get()), contract.getNumber());
                ImCardAnswer done = new ImCardAnswer(Outcome.DONE, message, card.answered(
                        text("pactum.imcard.decidedBy", user, time(), label(decision.get())), "done"));
                updateRow(action, Outcome.DONE, done);
                return done;
            });
            if (answer == null) {
                return stored(action).orElseThrow();
            }
            audit.record(auditEntry(action, user, channel, AuditEntry.Outcome.SUCCESS,
                    decision.get() + " " + contract.getNumber() + (comment == null ? "" : ": " + comment)));
            return answer;
        } catch (CardRefusal refusal) {
            return refused(action, user, card, refusal.getMessage());
        } catch (AuthorizationException notCandidate) {
            return refused(action, user, card, text("pactum.imcard.notCandidate", user));
        } catch (TaskAlreadyClaimedException claimed) {
            return store(action, user, Outcome.ALREADY_DECIDED, new ImCardAnswer(Outcome.ALREADY_DECIDED,
                    text("pactum.imcard.claimedByOther", claimed.getTaskAssignee()), null));
        } catch (RuntimeException failure) {
            // A rule of the task's listeners refused (their messages say it in Chinese, then English), or the task
            // ended meanwhile; anything else is a fault and goes up.
            Optional<String> rule = listenerRefusal(failure);
            if (rule.isPresent()) {
                return refused(action, user, card, rule.get());
            }
            if (tasks.createTaskQuery().taskId(action.taskId()).singleResult() == null) {
                return alreadyDecided(action, user, card);
            }
            throw failure;
        }
    }

    private ImCardAnswer alreadyDecided(ImCardAction action, String user, ImCard card) {
        String message = decisions.findByTaskId(action.taskId()).stream().findFirst()
                .map(done -> text("pactum.imcard.alreadyDecided", done.getDecidedBy(),
                        TIME.format(done.getDecidedAt().atZone(pactum.zone())), label(done.getDecision())))
                .orElseGet(() -> text("pactum.imcard.closed"));
        return store(action, user, Outcome.ALREADY_DECIDED,
                new ImCardAnswer(Outcome.ALREADY_DECIDED, message, card.answered(message, "info")));
    }

    /** A refusal changes nothing but the record of the click; the card keeps its buttons when the task is open. */
    private ImCardAnswer refused(ImCardAction action, String user, ImCard card, String message) {
        audit.record(auditEntry(action, user, action.provider(), AuditEntry.Outcome.DENIED, message));
        return store(action, user, Outcome.REFUSED, new ImCardAnswer(Outcome.REFUSED, message, null));
    }

    private static Optional<String> listenerRefusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IllegalArgumentException && cause.getStackTrace().length > 0
                    && cause.getStackTrace()[0].getClassName().startsWith("dev.pactum.")) {
                return Optional.ofNullable(cause.getMessage());
            }
        }
        return Optional.empty();
    }

    private AuditEntry auditEntry(ImCardAction action, String user, String channel, AuditEntry.Outcome outcome,
                                  String detail) {
        return new AuditEntry(clock.instant(), user == null ? AuditEntry.ANONYMOUS : user, null,
                outcome == AuditEntry.Outcome.SUCCESS ? "TASK_COMPLETE" : "IM_CARD_ACTION_REFUSED", "task",
                action.taskId(), outcome, null, "POST", "/api/integrations/im/" + action.provider() + "/card-action",
                null, null, null, "via " + channel + " card (" + action.provider() + " user " + action.imUserId()
                        + ", event " + action.eventId() + "): " + detail);
    }

    private Optional<ImCardAnswer> stored(ImCardAction action) {
        return jdbc.queryForList("select answer from im_card_action where provider = ? and event_id = ?",
                String.class, action.provider(), action.eventId()).stream().findFirst().map(this::read);
    }

    /** Takes the click for this transaction; false when another delivery of it took it first (waits for that one). */
    private boolean claimRow(ImCardAction action, String user) {
        return jdbc.update("""
                insert into im_card_action (provider, event_id, im_user_id, pactum_user, task_id, decision, outcome,
                                            answer, received_at)
                values (?, ?, ?, ?, ?, ?, 'RECEIVED', '', ?)
                on conflict do nothing""", action.provider(), action.eventId(), action.imUserId(), user,
                action.taskId(), action.decision(), Timestamp.from(clock.instant())) == 1;
    }

    private void updateRow(ImCardAction action, Outcome outcome, ImCardAnswer answer) {
        jdbc.update("update im_card_action set outcome = ?, answer = ? where provider = ? and event_id = ?",
                outcome.name(), write(answer), action.provider(), action.eventId());
    }

    private ImCardAnswer store(ImCardAction action, String user, Outcome outcome, ImCardAnswer answer) {
        jdbc.update("""
                insert into im_card_action (provider, event_id, im_user_id, pactum_user, task_id, decision, outcome,
                                            answer, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""", action.provider(), action.eventId(), action.imUserId(), user,
                action.taskId(), action.decision(), outcome.name(), write(answer), Timestamp.from(clock.instant()));
        return stored(action).orElse(answer);
    }

    /** Resolved in each language of the message it goes into. */
    private static MessageSourceResolvable label(Decision decision) {
        return new DefaultMessageSourceResolvable("pactum.imcard.decision." + decision.name());
    }

    private String time() {
        return TIME.format(clock.instant().atZone(pactum.zone()));
    }

    /** Cards carry no language: Chinese, then English, as Tasklist's refusals. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE) + " / "
                + messages.getMessage(key, args, Locale.ENGLISH);
    }

    private String write(ImCardAnswer answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ImCardAnswer read(String stored) {
        try {
            return json.readValue(stored, ImCardAnswer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored card answer: " + stored, e);
        }
    }

    /** Refuses inside the decision's transaction, so what it did so far (a claim) is undone. */
    private static final class CardRefusal extends RuntimeException {
        CardRefusal(String message) {
            super(message, null, false, false);
        }
    }
}
