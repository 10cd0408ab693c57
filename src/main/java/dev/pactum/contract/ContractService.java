package dev.pactum.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pactum.process.ContractProcess;
import dev.pactum.process.ContractProcess.Var;
import dev.pactum.web.FieldProblem;
import dev.pactum.web.InvalidRequestException;
import dev.pactum.web.DomainException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Drafting contracts and starting their lifecycle; the process moves them on from there. */
@Service
public class ContractService {

    private final ContractRepository contracts;
    private final CustomerRepository customers;
    private final ContractNumbers numbers;
    /** A custom field holds a short value (text up to this many characters, a number or a yes/no), not a document. */
    static final int MAX_FIELD_VALUE_LENGTH = 2000;

    private final ContractTemplateCatalog templates;
    private final ObjectMapper canonicalJson;
    private final ExchangeRates rates;
    private final RuntimeService runtime;
    private final ApplicationEventPublisher events;

    public ContractService(ContractRepository contracts, CustomerRepository customers, ContractNumbers numbers,
                           ContractTemplateCatalog templates, ExchangeRates rates, RuntimeService runtime,
                           ObjectMapper json, ApplicationEventPublisher events) {
        this.canonicalJson = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);
        this.contracts = contracts;
        this.customers = customers;
        this.numbers = numbers;
        this.templates = templates;
        this.rates = rates;
        this.runtime = runtime;
        this.events = events;
    }

    /**
     * Drafts a contract. With an idempotency key, a repeated request by the same owner returns the contract the
     * first one made instead of a second copy.
     */
    @Transactional
    public Drafted draft(NewContract request, String owner, String idempotencyKey) {
        String fingerprint = idempotencyKey == null ? null : fingerprint(request);
        if (idempotencyKey != null) {
            Optional<Contract> earlier = contracts.findByOwnerAndIdempotencyKey(owner, idempotencyKey);
            if (earlier.isPresent()) {
                String first = earlier.get().getIdempotencyFingerprint();
                if (first != null && !first.equals(fingerprint)) {
                    throw DomainException.unprocessable("pactum.contract.idempotencyKeyReused", idempotencyKey);
                }
                return new Drafted(earlier.get(), false);
            }
        }
        Contract contract = newContract(request, owner);
        contract.setIdempotencyKey(idempotencyKey);
        contract.setIdempotencyFingerprint(fingerprint);
        return new Drafted(saveNew(contract), true);
    }

    /**
     * The renewal of {@code predecessor} as a request (续约): the same customer, template, terms and clauses, the
     * next term (from the day after its end, {@link ContractTerms#renewedEnd}), its amount unless {@code amount}
     * gives a new one. The payment schedule moves with the term when the amount stays and the moved dates fit the
     * new term; otherwise the renewal starts without one.
     */
    public NewContract renewalRequest(Contract predecessor, BigDecimal amount) {
        LocalDate start = predecessor.getEndDate().plusDays(1);
        LocalDate end = predecessor.getTerms().renewedEnd(predecessor.getStartDate(), predecessor.getEndDate());
        BigDecimal newAmount = amount == null ? predecessor.getAmount() : amount;
        long shift = ChronoUnit.DAYS.between(predecessor.getStartDate(), start);
        List<MilestonePlan> milestones = predecessor.getMilestones().stream()
                .map(m -> new MilestonePlan(m.dueDate() == null ? null : m.dueDate().plusDays(shift), m.daysAfter(),
                        m.event(), m.percent() == null ? m.amount() : null, m.percent(), m.description(),
                        m.projectId()))
                .toList();
        if (newAmount.compareTo(predecessor.getAmount()) != 0
                || !PaymentSchedule.resolve(milestones, newAmount, start, end).problems().isEmpty()) {
            milestones = List.of();
        }
        return new NewContract(predecessor.getTemplateKey(), predecessor.getCustomer().getId(),
                predecessor.getTitle(), predecessor.getType(), newAmount, predecessor.getCurrency(), start, end,
                predecessor.getPaymentTermDays(), predecessor.getFields(), predecessor.getTerms(),
                predecessor.getClauses(), milestones, predecessor.getProjectId());
    }

    /** Drafts the renewal of {@code predecessor} for its owner, linked to it ({@link Contract#getRenewalOf()}). */
    @Transactional
    public Contract draftRenewal(Contract predecessor, NewContract request) {
        Contract contract = newContract(request, predecessor.getOwner());
        contract.setRenewalOf(predecessor.getId());
        return saveNew(contract);
    }

    /** Saves a new draft and announces it: a status change from nothing to DRAFT. */
    private Contract saveNew(Contract contract) {
        Contract saved = contracts.saveAndFlush(contract);
        events.publishEvent(new ContractStatusChanged(saved.getId(), saved.getNumber(), null, saved.getStatus(),
                null));
        return saved;
    }

    private Contract newContract(NewContract request, String owner) {
        Customer customer = validate(request);
        Contract contract = new Contract(numbers.next(), customer, owner);
        contract.setTitle(request.title().trim());
        contract.setType(request.type());
        contract.setTemplateKey(request.templateKey());
        contract.setAmount(request.amount());
        contract.setCurrency(request.currency());
        contract.setStartDate(request.startDate());
        contract.setEndDate(request.endDate());
        contract.setPaymentTermDays(request.paymentTermDays());
        contract.setFields(request.fields());
        contract.setTerms(request.terms());
        contract.setProjectId(request.projectId());
        contract.setClauses(request.clauses());
        contract.setMilestones(PaymentSchedule.resolve(request.milestones(), request.amount(), request.startDate(),
                request.endDate()).milestones());
        return contract;
    }

    /**
     * Starts the lifecycle of a draft; the engine runs it up to the first approval in this transaction. Only its
     * owner submits a draft: others who may read it (managers) cannot send it off in the owner's name.
     */
    @Transactional
    public Contract submit(Contract draft, String user) {
        Contract contract = contracts.findByIdForUpdate(draft.getId()).orElseThrow();
        if (!contract.isOwnedBy(user)) {
            throw DomainException.forbidden("pactum.contract.ownerOnly", contract.getNumber());
        }
        if (contract.getStatus() != ContractStatus.DRAFT || contract.getProcessInstanceId() != null) {
            throw DomainException.conflict("pactum.contract.notDraft", contract.getNumber(), contract.getStatus());
        }
        ContractSubmissions.submitting(contract.getId(), () -> runtime.startProcessInstanceByKey(ContractProcess.KEY,
                contract.getNumber(), Map.of(Var.CONTRACT_ID, contract.getId())));
        return contract;
    }

    /** Registers a contract that was started from Tasklist's start form rather than drafted through the API. */
    @Transactional
    public Contract registerStarted(NewContract request, String owner, String processInstanceId) {
        Contract contract = draft(request, owner, null).contract();
        contract.setProcessInstanceId(processInstanceId);
        return contract;
    }

    /** sha-256 of the request as canonical JSON (keys sorted): equal for the same request sent again. */
    private String fingerprint(NewContract request) {
        try {
            byte[] canonical = canonicalJson.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a contract request", e);
        }
    }

    private Customer validate(NewContract request) {
        List<FieldProblem> problems = problems(request, Set.of());
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return customers.findById(request.customerId()).orElseThrow();
    }

    /**
     * What is wrong with a draft beyond its Bean Validation constraints: unknown customer, template, clauses or
     * currency, dates, milestones and renewal terms. Takes a request that may also break its constraints (a field
     * left out is skipped here, Bean Validation reports it), so that a client learns every fault in one answer.
     * A check reasoning from a field in {@code invalidFields} (its constraints failed) is skipped.
     */
    public List<FieldProblem> problems(NewContract request, Set<String> invalidFields) {
        java.util.function.Predicate<String> refused = prefix -> invalidFields.stream()
                .anyMatch(field -> field.equals(prefix) || field.startsWith(prefix + ".")
                        || field.startsWith(prefix + "["));
        List<FieldProblem> problems = new ArrayList<>();
        request.fields().forEach((name, value) -> {
            boolean plain = value == null || value instanceof Number || value instanceof Boolean
                    || (value instanceof String text && text.length() <= MAX_FIELD_VALUE_LENGTH);
            if (name.length() > 100 || !plain) {
                problems.add(new FieldProblem("fields." + name, "pactum.validation.fieldValue",
                        MAX_FIELD_VALUE_LENGTH));
            }
        });
        if (request.customerId() != null && !refused.test("customerId") && customers.findById(request.customerId()).isEmpty()) {
            problems.add(new FieldProblem("customerId", "pactum.validation.customerUnknown", request.customerId()));
        }
        if (request.templateKey() != null && !request.templateKey().isBlank()) {
            if (!templates.exists(request.templateKey())) {
                problems.add(new FieldProblem("templateKey", "pactum.validation.templateUnknown",
                        request.templateKey()));
            } else {
                templates.unknownClauseIds(request.templateKey(), request.clauses().keySet()).forEach(id ->
                        problems.add(new FieldProblem("clauses." + id, "pactum.validation.clauseUnknown", id,
                                request.templateKey())));
            }
        }
        if (request.currency() != null && !refused.test("currency") && !rates.accepts(request.currency())) {
            problems.add(new FieldProblem("currency", "pactum.validation.currencyUnknown", request.currency(),
                    String.join(", ", rates.currencies())));
        }
        if (request.startDate() != null && request.endDate() != null && !refused.test("startDate")
                && !refused.test("endDate")) {
            if (request.endDate().isBefore(request.startDate())) {
                problems.add(new FieldProblem("endDate", "pactum.validation.endDateBeforeStart"));
            } else {
                if (request.amount() != null && !refused.test("amount") && !refused.test("milestones")
                        && request.milestones().stream()
                        .allMatch(plan -> plan != null && plan.description() != null)) {
                    problems.addAll(PaymentSchedule.resolve(request.milestones(), request.amount(),
                            request.startDate(), request.endDate()).problems());
                }
                if (!refused.test("milestones")) {
                    problems.addAll(PaymentSchedule.projectProblems(request.milestones(), request.projectId()));
                }
                if (!refused.test("terms")) {
                    problems.addAll(renewalProblems(request.terms(), request.startDate(), request.endDate()));
                }
            }
        }
        return problems;
    }

    /**
     * What is wrong with the renewal terms of a term {@code start}–{@code end} (in order): the notice deadline must
     * lie within the term, the term must be at least the minimum term, and so must a renewal.
     */
    static List<FieldProblem> renewalProblems(ContractTerms terms, LocalDate start, LocalDate end) {
        List<FieldProblem> problems = new ArrayList<>();
        if (terms.noticeDeadline(end).isBefore(start)) {
            problems.add(new FieldProblem("terms.renewalNoticeDays", "pactum.validation.noticeBeyondTerm",
                    ChronoUnit.DAYS.between(start, end)));
        }
        Integer minimum = terms.minimumTermMonths();
        if (minimum != null) {
            LocalDate earliestEnd = start.plusMonths(minimum).minusDays(1);
            if (end.isBefore(earliestEnd)) {
                problems.add(new FieldProblem("endDate", "pactum.validation.termBelowMinimum", minimum, earliestEnd));
            }
            if (terms.renewalTermMonths() != null && terms.renewalTermMonths() < minimum) {
                problems.add(new FieldProblem("terms.renewalTermMonths", "pactum.validation.renewalBelowMinimum",
                        minimum));
            }
        }
        return problems;
    }

    /** @param created false when an earlier request with the same idempotency key made it */
    public record Drafted(Contract contract, boolean created) {
    }
}
