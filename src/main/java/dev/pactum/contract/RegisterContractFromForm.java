package dev.pactum.contract;

import dev.pactum.process.ContractProcess.Var;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN "Register contract from start form": a contract started from Tasklist's "Start process" is drafted here
 * with the same checks as the API; the signed-in user who started it owns it. Bad input fails the start, so nothing is saved,
 * as a form validation error: Tasklist shows it beside the form and {@code submit-form} answers 400, not 500.
 */
@Component("registerContractFromForm")
class RegisterContractFromForm implements JavaDelegate {

    private final ContractService contracts;
    private final CustomerRepository customers;
    private final Validator validator;
    private final IdentityService identity;
    private final ContractHistoryAccess historyAccess;

    RegisterContractFromForm(ContractService contracts, CustomerRepository customers, Validator validator,
                             IdentityService identity, ContractHistoryAccess historyAccess) {
        this.identity = identity;
        this.historyAccess = historyAccess;
        this.contracts = contracts;
        this.customers = customers;
        this.validator = validator;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // Who is signed in to the engine call, never a variable: a start request could name anyone as initiator.
        Authentication signedIn = identity.getCurrentAuthentication();
        String owner = signedIn == null ? null : signedIn.getUserId();
        if (owner == null) {
            throw new IllegalStateException("登录后才能发起合同 / Only a signed-in user can start a contract");
        }
        NewContract request = request(execution);
        Set<ConstraintViolation<NewContract>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new FormFieldValidationException(fields(violations), "合同信息不完整 / The contract is incomplete: "
                    + violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                            .collect(Collectors.joining("; ")));
        }
        Contract contract = contracts.registerStarted(request, owner, execution.getProcessInstanceId());
        execution.setProcessBusinessKey(contract.getNumber());
        execution.setVariable(Var.CONTRACT_ID, contract.getId());
        execution.setVariable(Var.CONTRACT_OWNER, owner);
        execution.setVariable(Var.CONTRACT_NUMBER, contract.getNumber());
        historyAccess.grantOwner(execution.getProcessInstanceId(), owner);
    }

    private NewContract request(DelegateExecution execution) {
        String creditCode = text(execution, "customerCreditCode");
        Long customerId = creditCode == null ? null : customers.findByCreditCode(creditCode.toUpperCase(Locale.ROOT))
                .map(Customer::getId)
                .orElseThrow(() -> new FormFieldValidationException("customerCreditCode",
                        "未找到统一社会信用代码为 %s 的客户 / No customer has credit code %s".formatted(creditCode, creditCode)));
        try {
            String amount = text(execution, "amount");
            String startDate = text(execution, "startDate");
            String endDate = text(execution, "endDate");
            String days = text(execution, "paymentTermDays");
            String type = text(execution, "type");
            return new NewContract(text(execution, "templateKey"), customerId, text(execution, "title"),
                    type == null ? null : ContractType.valueOf(type),
                    amount == null ? null : new BigDecimal(amount),
                    text(execution, "currency"),
                    startDate == null ? null : LocalDate.parse(startDate),
                    endDate == null ? null : LocalDate.parse(endDate),
                    days == null ? null : new BigDecimal(days).intValueExact(),
                    null, null, null, null);
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            throw new FormFieldValidationException(null, "合同信息格式不正确 / The contract has a malformed value: "
                    + e.getMessage(), e);
        }
    }

    private static String fields(Set<ConstraintViolation<NewContract>> violations) {
        return violations.stream().map(v -> v.getPropertyPath().toString()).sorted().distinct()
                .collect(Collectors.joining(","));
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
