package dev.pactum.integration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractQueries;
import dev.pactum.contract.CreditCodes;
import dev.pactum.contract.CustomerUpdate;
import dev.pactum.contract.MilestoneEvent;
import dev.pactum.obligation.ProjectEvents;
import dev.pactum.web.DomainException;
import dev.pactum.web.FieldProblem;
import dev.pactum.web.InvalidRequestException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What each inbound event means: its fields checked ({@link #validate}, before it is stored) and its effect
 * ({@link #apply}, in the transaction that marks it processed). Finance's payments are reconciled with the payment
 * schedule ({@link PaymentReconciliation}) and, like the project system's acceptances, published as application
 * events; a CRM customer change updates the customer, re-renders the text of every contract of theirs that may
 * still change and records the change on those whose text is fixed.
 */
@Component
class InboundEventEffects {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final CrmCustomers crm;
    private final ContractQueries contracts;
    private final ApplicationEventPublisher events;
    private final PaymentReconciliation reconciliation;
    private final CrmAdapterProperties crmAdapter;
    private final ProjectEvents projectEvents;

    InboundEventEffects(CrmCustomers crm, ContractQueries contracts, ApplicationEventPublisher events,
                        PaymentReconciliation reconciliation, CrmAdapterProperties crmAdapter,
                        ProjectEvents projectEvents) {
        this.crmAdapter = crmAdapter;
        this.projectEvents = projectEvents;
        this.crm = crm;
        this.contracts = contracts;
        this.events = events;
        this.reconciliation = reconciliation;
    }

    /**
     * Checks an event's fields for its peer.
     *
     * @return its type
     * @throws InvalidRequestException naming every field at fault
     */
    static String validate(PeerSystem peer, JsonNode event) {
        Fields fields = new Fields(event);
        String type = fields.text("type", 100, true);
        if (type != null && !peer.eventTypes().contains(type)) {
            fields.problem("type", "pactum.integration.validation.type", String.join(", ", peer.eventTypes()));
        }
        if (InboundEventTypes.PAYMENT_RECEIVED.equals(type)) {
            String number = fields.text("contractNumber", 50, false);
            String milestone = fields.text("milestoneId", 100, false);
            if (number == null && milestone == null) {
                fields.problem("contractNumber", "pactum.integration.validation.contractOrMilestone");
            }
            BigDecimal amount = fields.decimal("amount");
            if (amount != null && amount.signum() <= 0) {
                fields.problem("amount", "pactum.integration.validation.positive");
            }
            fields.date("paidOn", true);
            fields.text("reference", 200, true);
            String currency = fields.text("currency", 3, false);
            if (currency != null && !CURRENCY.matcher(currency).matches()) {
                fields.problem("currency", "pactum.integration.validation.currency");
            }
        } else if (InboundEventTypes.CUSTOMER_UPDATED.equals(type)) {
            String code = fields.text("creditCode", 18, true);
            if (code != null && !CreditCodes.isValid(code)) {
                fields.problem("creditCode", "pactum.validation.creditCode");
            }
            fields.text("name", 200, false);
            fields.text("contactName", 100, false);
            String email = fields.text("contactEmail", 200, false);
            if (email != null && !EMAIL.matcher(email).matches()) {
                fields.problem("contactEmail", "pactum.integration.validation.email");
            }
            fields.text("contactPhone", 50, false);
            if (event.hasNonNull("creditLimit")) {
                BigDecimal limit = fields.decimal("creditLimit");
                if (limit != null && limit.signum() < 0) {
                    fields.problem("creditLimit", "pactum.integration.validation.notNegative");
                }
            }
        } else if (InboundEventTypes.MILESTONE_ACCEPTED.equals(type)) {
            fields.text("contractNumber", 50, true);
            fields.text("projectId", 100, true);
            fields.text("milestoneId", 100, false);
            fields.date("acceptedOn", true);
        } else if (InboundEventTypes.PROJECT_DELIVERED.equals(type)) {
            fields.text("contractNumber", 50, true);
            fields.text("projectId", 100, true);
            fields.date("deliveredOn", true);
        }
        fields.throwIfAny();
        return type;
    }

    /** Acts on a validated event; returns what it did, kept with the event and answered to the sender. */
    Map<String, Object> apply(PeerSystem peer, String eventId, JsonNode event) {
        String type = event.get("type").asText();
        return switch (type) {
            case InboundEventTypes.PAYMENT_RECEIVED -> paymentReceived(eventId, event);
            case InboundEventTypes.CUSTOMER_UPDATED -> customerUpdated(eventId, event);
            case InboundEventTypes.MILESTONE_ACCEPTED -> milestoneAccepted(eventId, event);
            case InboundEventTypes.PROJECT_DELIVERED -> projectDelivered(eventId, event);
            default -> throw new IllegalStateException("validated type " + type + " of " + peer);
        };
    }

    /** An unknown contract number is published too (contract id null); finance matches such payments by hand. */
    private Map<String, Object> paymentReceived(String eventId, JsonNode event) {
        String number = optional(event, "contractNumber");
        Optional<Contract> contract = Optional.ofNullable(number).flatMap(contracts::byNumber);
        String currency = Optional.ofNullable(optional(event, "currency"))
                .orElse(contract.map(Contract::getCurrency).orElse(null));
        PaymentReported payment = new PaymentReported(eventId, contract.map(Contract::getId).orElse(null), number,
                optional(event, "milestoneId"), Fields.decimalOf(event.get("amount")), currency,
                LocalDate.parse(event.get("paidOn").asText()), event.get("reference").asText().trim());
        Map<String, Object> effect = new LinkedHashMap<>(reconciliation.reconcile(payment));
        events.publishEvent(payment);
        effect.put("published", "PaymentReported");
        return effect;
    }

    /** A credit limit is applied only when the CRM is trusted with credit data; otherwise the answer says so. */
    private Map<String, Object> customerUpdated(String eventId, JsonNode event) {
        boolean limitSent = event.hasNonNull("creditLimit");
        BigDecimal limit = limitSent && crmAdapter.creditLimitFromCrm()
                ? Fields.decimalOf(event.get("creditLimit")) : null;
        Map<String, Object> effect = new LinkedHashMap<>(crm.update(new CustomerUpdate(
                event.get("creditCode").asText().trim(), optional(event, "name"), optional(event, "contactName"),
                optional(event, "contactEmail"), optional(event, "contactPhone"), limit), "crm.event", eventId,
                CrmCustomers.CRM_RENDERER));
        if (limitSent && limit == null) {
            effect.put("creditLimitIgnored", true);
        }
        return effect;
    }

    /** Starts the contract's milestones "N days after acceptance" of the project (obligation's ProjectEvents). */
    private Map<String, Object> milestoneAccepted(String eventId, JsonNode event) {
        Contract contract = projectContract(event);
        String projectId = event.get("projectId").asText().trim();
        LocalDate acceptedOn = LocalDate.parse(event.get("acceptedOn").asText().trim());
        Map<String, Object> effect = new LinkedHashMap<>(projectEvents.received(eventId, contract.getId(),
                MilestoneEvent.ACCEPTANCE, projectId, acceptedOn, optional(event, "milestoneId")));
        events.publishEvent(new ProjectMilestoneAccepted(eventId, contract.getId(), contract.getNumber(), projectId,
                optional(event, "milestoneId"), acceptedOn));
        effect.put("published", "ProjectMilestoneAccepted");
        return effect;
    }

    /** Starts the contract's milestones "N days after delivery" of the project. */
    private Map<String, Object> projectDelivered(String eventId, JsonNode event) {
        Contract contract = projectContract(event);
        return projectEvents.received(eventId, contract.getId(), MilestoneEvent.DELIVERY,
                event.get("projectId").asText().trim(), LocalDate.parse(event.get("deliveredOn").asText().trim()),
                null);
    }

    /** An unknown contract is refused (422): the event stays stored as FAILED, and sending it again tries again. */
    private Contract projectContract(JsonNode event) {
        String number = event.get("contractNumber").asText().trim();
        return contracts.byNumber(number)
                .orElseThrow(() -> DomainException.unprocessable("pactum.integration.projectContractUnknown", number));
    }

    private static String optional(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().trim();
    }

    /** Reads an event's fields and collects what is wrong with them. */
    private static final class Fields {

        private final JsonNode event;
        private final List<FieldProblem> problems = new ArrayList<>();

        Fields(JsonNode event) {
            this.event = event;
        }

        void problem(String field, String key, Object... args) {
            problems.add(new FieldProblem(field, key, args));
        }

        String text(String field, int maxLength, boolean required) {
            JsonNode value = event.get(field);
            if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
                if (required) {
                    problem(field, "pactum.integration.validation.required");
                }
                return null;
            }
            if (!value.isTextual()) {
                problem(field, "pactum.validation.typeMismatch");
                return null;
            }
            String text = value.asText().trim();
            if (text.length() > maxLength) {
                problem(field, "pactum.integration.validation.tooLong", maxLength);
                return null;
            }
            return text;
        }

        BigDecimal decimal(String field) {
            JsonNode value = event.get(field);
            if (value == null || value.isNull()) {
                problem(field, "pactum.integration.validation.required");
                return null;
            }
            BigDecimal amount = decimalOf(value);
            if (amount == null || amount.scale() > 2 || amount.precision() - amount.scale() > 16) {
                problem(field, "pactum.validation.typeMismatch");
                return null;
            }
            return amount;
        }

        static BigDecimal decimalOf(JsonNode value) {
            try {
                if (value.isNumber()) {
                    return value.decimalValue();
                }
                return value.isTextual() ? new BigDecimal(value.asText().trim()) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        void date(String field, boolean required) {
            String text = text(field, 10, required);
            if (text == null) {
                return;
            }
            try {
                LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                problem(field, "pactum.integration.validation.date");
            }
        }

        void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new InvalidRequestException(problems);
            }
        }
    }
}
