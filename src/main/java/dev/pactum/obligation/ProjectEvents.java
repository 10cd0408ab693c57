package dev.pactum.obligation;

import dev.pactum.audit.AuditEntry;
import dev.pactum.audit.AuditTrail;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import dev.pactum.contract.MilestoneEvent;
import dev.pactum.contract.PaymentMilestone;
import dev.pactum.process.ContractProcess.Message;
import dev.pactum.web.DomainException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The project-management system's acceptance and delivery reports, and the payment milestones they start: each
 * milestone "N days after acceptance (delivery)" of that project, waiting for it, becomes due on the event's date plus
 * N days, and its instance goes on to reminders, OVERDUE and escalation like a dated one. Only the first report of an
 * event counts for a milestone; a later one changes nothing. A report before the contract is active is kept and
 * fixes the due dates at activation. Every report is in the contract's audit trail.
 */
@Service
@Transactional
public class ProjectEvents {

    /** Who the audit trail names for what the project system reported. */
    public static final String ACTOR = "integration:pm";

    private final ContractQueries contracts;
    private final ProjectEventRepository events;
    private final MilestoneAccountRepository accounts;
    private final MilestoneSignals signals;
    private final AuditTrail audit;
    private final Clock clock;

    ProjectEvents(ContractQueries contracts, ProjectEventRepository events, MilestoneAccountRepository accounts,
                  MilestoneSignals signals, AuditTrail audit, Clock clock) {
        this.contracts = contracts;
        this.events = events;
        this.accounts = accounts;
        this.signals = signals;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records a reported acceptance or delivery and starts the milestones waiting for it. Server-side only: the
     * caller authenticated the sender and stored the event.
     *
     * @param milestoneRef the sender's milestone id: when it is the number of one of the contract's payment
     *                     milestones, only that one is started; otherwise every milestone of the project counting from
     *                     this event
     * @return what it did, for the sender: {@code started} (id and due date each), {@code alreadyStarted},
     *         {@code startsAtActivation}
     */
    public Map<String, Object> received(String inboundEventId, long contractId, MilestoneEvent event,
                                        String projectId, LocalDate on, String milestoneRef) {
        if (!event.isProjectEvent()) {
            throw new IllegalArgumentException(event + " is not reported by the project system");
        }
        Contract contract = contracts.get(contractId);
        Integer milestoneNo = contract.getMilestones().stream().map(PaymentMilestone::id)
                .filter(id -> String.valueOf(id).equals(milestoneRef)).findFirst().orElse(null);
        ProjectEvent record = events.save(new ProjectEvent(contractId, event, projectId, on, milestoneNo,
                inboundEventId, clock.instant()));
        List<Map<String, Object>> started = new ArrayList<>();
        List<Integer> alreadyStarted = new ArrayList<>();
        List<Integer> startsAtActivation = new ArrayList<>();
        Map<Integer, MilestoneAccount> opened = new LinkedHashMap<>();
        accounts.findByContract(contractId).forEach(account -> opened.put(account.milestoneNo(), account));
        for (PaymentMilestone milestone : contract.getMilestones()) {
            if (milestone.event() != event || !projectId.equals(MilestoneView.projectOf(milestone,
                    contract.getProjectId())) || (milestoneNo != null && milestoneNo != milestone.id())) {
                continue;
            }
            MilestoneAccount account = opened.get(milestone.id());
            if (account == null) {
                startsAtActivation.add(milestone.id());
            } else if (account.isAwaiting(event, projectId)) {
                account.eventOccurred(on);
                record.started(milestone.id());
                started.add(Map.of("id", milestone.id(), "dueDate", account.getDueDate().toString()));
            } else {
                alreadyStarted.add(milestone.id());
            }
        }
        accounts.flush();
        for (Map<String, Object> milestone : started) {
            int no = (Integer) milestone.get("id");
            if (!signals.deliver(contract.getProcessInstanceId(), no, Message.PROJECT_EVENT_RECEIVED)) {
                throw DomainException.conflict("pactum.milestone.notAwaitingEvent", no, contract.getNumber());
            }
        }
        Map<String, Object> effect = new LinkedHashMap<>();
        effect.put("event", event.name());
        effect.put("projectId", projectId);
        effect.put("occurredOn", on.toString());
        effect.put("started", started);
        effect.put("alreadyStarted", alreadyStarted);
        effect.put("startsAtActivation", startsAtActivation);
        String id = String.valueOf(contractId);
        String detail = "%s of project %s on %s reported (event %s); milestones started: %s".formatted(event,
                projectId, on, inboundEventId, started.stream().map(m -> m.get("id") + " due " + m.get("dueDate"))
                        .toList());
        afterCommit(() -> audit.record(AuditEntry.system(ACTOR, "PROJECT_EVENT_RECEIVED", "contract", id, null,
                "{\"Contract#%s\": {\"%s\": \"%s\"}}".formatted(id, event.name().toLowerCase(), on), detail)));
        return effect;
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
