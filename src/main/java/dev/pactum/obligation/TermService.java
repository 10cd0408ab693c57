package dev.pactum.obligation;

import dev.pactum.config.PactumProperties;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractLifecycleService;
import dev.pactum.contract.ContractQueries;
import dev.pactum.contract.ContractStatus;
import dev.pactum.process.ContractProcess.Message;
import dev.pactum.security.CurrentUser;
import dev.pactum.web.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed contract's term: it comes into force on its start date, ends after its end date, or is terminated
 * early by someone allowed to. Dates are read from the database, in the company's zone, on the engine's clock.
 */
@Service
@Transactional
public class TermService {

    private final ContractQueries contracts;
    private final ContractLifecycleService lifecycle;
    private final TerminationRecordRepository terminations;
    private final PaymentService payments;
    private final ObligationNotifications notifications;
    private final ObligationProperties obligation;
    private final RuntimeService runtime;
    private final CurrentUser currentUser;
    private final PactumProperties pactum;
    private final Clock clock;

    TermService(ContractQueries contracts, ContractLifecycleService lifecycle,
                TerminationRecordRepository terminations, PaymentService payments,
                ObligationNotifications notifications,
                ObligationProperties obligation, RuntimeService runtime, CurrentUser currentUser,
                PactumProperties pactum, Clock clock) {
        this.contracts = contracts;
        this.lifecycle = lifecycle;
        this.terminations = terminations;
        this.payments = payments;
        this.notifications = notifications;
        this.obligation = obligation;
        this.runtime = runtime;
        this.currentUser = currentUser;
        this.pactum = pactum;
        this.clock = clock;
    }

    /** The first moment of the contract's start date: when it comes into force. */
    public Instant activationAt(Contract contract) {
        return startOf(contract.getStartDate());
    }

    /** The first moment after its end date: when it expires. */
    public Instant termEndsAt(Contract contract) {
        return startOf(contract.getEndDate().plusDays(1));
    }

    /** Signed and its start date came: ACTIVE. Refused before the start date, whatever a variable says. */
    public Contract activate(String processInstanceId) {
        Contract contract = contracts.ofProcess(processInstanceId);
        if (clock.instant().isBefore(activationAt(contract))) {
            throw DomainException.conflict("pactum.term.notStarted", contract.getNumber(), contract.getStartDate());
        }
        return lifecycle.activate(processInstanceId);
    }

    /** Its end date passed: EXPIRED. Refused before, whatever a variable says. */
    public Contract expire(String processInstanceId) {
        Contract contract = contracts.ofProcess(processInstanceId);
        if (clock.instant().isBefore(termEndsAt(contract))) {
            throw DomainException.conflict("pactum.term.notEnded", contract.getNumber(), contract.getEndDate());
        }
        return lifecycle.expire(processInstanceId);
    }

    /**
     * Terminates a contract from signing on, with a reason: its managers, directors and admins may at any time, its
     * owner only while it waits for signature (cancelling the signing). Its process leaves whatever it waited for
     * (signature, start date, payments, the term's end) and ends.
     */
    public Contract terminate(long contractId, String reason) {
        Contract contract = contracts.visible(contractId);
        String user = currentUser.username();
        boolean manager = obligation.terminatingGroups().stream().anyMatch(currentUser::isMemberOf);
        boolean ownerCancelsSigning = contract.isOwnedBy(user) && contract.getStatus() == ContractStatus.SIGNING;
        if (!manager && !ownerCancelsSigning) {
            throw DomainException.forbidden("pactum.term.terminateNotAllowed", contract.getNumber());
        }
        ContractStatus from = contract.getStatus();
        Contract terminated = lifecycle.terminate(contract.getId());
        terminations.save(new TerminationRecord(contract.getId(), reason.trim(), user, clock.instant(), from));
        try {
            runtime.createMessageCorrelation(Message.CONTRACT_TERMINATED)
                    .processInstanceId(contract.getProcessInstanceId()).correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw DomainException.conflict("pactum.term.processNotRunning", contract.getNumber());
        }
        return terminated;
    }

    /** After the process left everything it waited for: only for a contract the database shows terminated. */
    public void closeTerminated(String processInstanceId) {
        Contract contract = contracts.ofProcess(processInstanceId);
        TerminationRecord record = terminations.findById(contract.getId())
                .filter(r -> contract.getStatus() == ContractStatus.TERMINATED)
                .orElseThrow(() -> DomainException.conflict("pactum.term.notTerminated", contract.getNumber()));
        payments.cancelOpen(contract.getId());
        notifications.terminated(contract, record.getTerminatedBy(), record.getReason());
    }

    /** Why, by whom and when the contract was terminated, if it was. */
    @Transactional(readOnly = true)
    public Optional<Termination> termination(long contractId) {
        return terminations.findById(contractId).map(record -> new Termination(record.getReason(),
                record.getTerminatedBy(), record.getTerminatedAt(), record.getFromStatus()));
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(pactum.zone()).toInstant();
    }

    public record Termination(String reason, String terminatedBy, Instant terminatedAt, ContractStatus from) {
    }
}
