package dev.pactum.workspace;

import dev.pactum.contract.CreditData;
import dev.pactum.contract.Customer;
import dev.pactum.contract.CustomerContact;
import dev.pactum.contract.CustomerService;
import dev.pactum.contract.ExchangeRates;
import dev.pactum.contract.NewCustomer;
import dev.pactum.integration.CrmCustomers;
import dev.pactum.reporting.ContractFilter;
import dev.pactum.reporting.ContractListing;
import dev.pactum.reporting.CustomerDirectory;
import dev.pactum.security.CurrentUser;
import dev.pactum.web.DomainException;
import dev.pactum.web.InvalidRequestException;
import dev.pactum.web.ProblemHandler;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 客户 pages: the list with each customer's totals, one customer with their contracts, search as you type; the forms
 * that register a customer, change its contact, keep its credit data (finance) and import it from the CRM. The forms
 * post to these pages and go through the same services and checks as the API; a refused one is shown again as typed,
 * each error beside its field.
 */
@Controller
class CustomerPages {

    private final CustomerDirectory directory;
    private final CustomerService customers;
    private final ContractListing listing;
    private final CrmCustomers crm;
    private final ExchangeRates rates;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final Validator validator;

    CustomerPages(CustomerDirectory directory, CustomerService customers, ContractListing listing, CrmCustomers crm,
                  ExchangeRates rates, CurrentUser currentUser, MessageSource messages, Validator validator) {
        this.validator = validator;
        this.directory = directory;
        this.customers = customers;
        this.listing = listing;
        this.crm = crm;
        this.rates = rates;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @GetMapping("/customers")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("rows", directory.page(q, Math.max(page, 0), ContractPages.PAGE_SIZE));
        model.addAttribute("crmEnabled", crm.enabled());
        return "customers";
    }

    /** Registers the customer the CRM knows by this id, or brings the one with its credit code in step with it. */
    @PostMapping("/customers/import")
    String importFromCrm(@RequestParam(defaultValue = "") String crmId, Model model, HttpServletResponse response) {
        try {
            CrmCustomers.Imported imported = crm.importById(crmId.trim());
            return "redirect:/customers/" + imported.id() + "?imported=" + (imported.created() ? "created" : "updated");
        } catch (InvalidRequestException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("crmError", e.problems().stream().map(p -> text(p.messageKey(), p.args()))
                    .reduce((a, b) -> a + "；" + b).orElse(""));
        } catch (DomainException e) {
            response.setStatus(ProblemHandler.statusOf(e).value());
            model.addAttribute("crmError", text(e.messageKey(), e.args()));
        }
        model.addAttribute("crmId", crmId);
        return list(null, 0, model);
    }

    @GetMapping("/customers/{id:\\d+}")
    String customer(@PathVariable long id, Model model) {
        Customer customer = customers.byId(id);
        model.addAttribute("credit", creditValues(customer));
        model.addAttribute("version", customer.getVersion());
        return customerPage(id, model);
    }

    /** Finance's form on the customer page; who may post it is ruled in the security configuration, as for the API. */
    @PostMapping("/customers/{id:\\d+}/credit")
    String updateCredit(@PathVariable long id, @RequestParam long version, @RequestParam Map<String, String> typed,
                        Model model, HttpServletResponse response) {
        model.addAttribute("credit", typed);
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal limit = null;
        String typedLimit = blankToNull(typed.get("creditLimit"));
        if (typedLimit != null) {
            try {
                limit = new BigDecimal(typedLimit);
            } catch (NumberFormatException e) {
                errors.put("creditLimit", text("pactum.validation.typeMismatch"));
            }
        }
        CreditData credit = new CreditData(limit, blankToNull(typed.get("creditLimitCurrency")),
                "true".equals(typed.get("hasOverduePayments")));
        violations(credit).forEach((field, message) -> errors.merge(field, message, (a, b) -> a + "；" + b));
        if (errors.isEmpty()) {
            try {
                customers.updateCredit(id, credit, version);
                return "redirect:/customers/" + id + "?saved";
            } catch (DomainException e) {
                if (!CustomerService.CHANGED_MEANWHILE.equals(e.messageKey())) {
                    throw e;
                }
                return creditConflict(id, model, response);
            } catch (OptimisticLockingFailureException e) {
                return creditConflict(id, model, response);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("creditErrors", errors);
        model.addAttribute("version", version);
        return customerPage(id, model);
    }

    private String creditConflict(long id, Model model, HttpServletResponse response) {
        Customer now = customers.byId(id);
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("creditConflict", text(CustomerService.CHANGED_MEANWHILE, now.getName()));
        model.addAttribute("savedCredit", creditValues(now));
        model.addAttribute("version", now.getVersion());
        return customerPage(id, model);
    }

    private String customerPage(long id, Model model) {
        // Credit data feeds the risk score: only those who keep it (finance, directors, admins) see it, and only
        // finance and admins change it.
        model.addAttribute("handlesCredit", currentUser.handlesCredit());
        model.addAttribute("keepsCredit", currentUser.keepsCredit());
        model.addAttribute("currencies", rates.currencies().stream().sorted().toList());
        model.addAttribute("customer", directory.one(id)
                .orElseThrow(() -> DomainException.notFound("pactum.customer.notFound", id)));
        model.addAttribute("contracts", listing.search(ContractFilter.NONE.withCustomer(id), 0, 100));
        if (!model.containsAttribute("creditErrors")) {
            model.addAttribute("creditErrors", Map.of());
        }
        return "customer";
    }

    @GetMapping("/customers/new")
    String newCustomer(Model model) {
        model.addAttribute("form", Map.of());
        return customerForm(null, Map.of(), model);
    }

    /** Registers a customer as the API does, with the same checks; credit data stays with finance's form. */
    @PostMapping("/customers/new")
    String register(@RequestParam Map<String, String> typed, Model model, HttpServletResponse response) {
        // An empty credit code is answered with what a valid one looks like, not with "must not be null".
        NewCustomer form = new NewCustomer(blankToNull(typed.get("name")), typed.getOrDefault("creditCode", "").trim(),
                blankToNull(typed.get("contactName")), blankToNull(typed.get("contactEmail")),
                blankToNull(typed.get("contactPhone")), null, null, false);
        Map<String, String> errors = violations(form);
        if (errors.isEmpty()) {
            try {
                Customer created = customers.register(form, currentUser.handlesCredit());
                return "redirect:/customers/" + created.getId() + "?created";
            } catch (DomainException e) {
                response.setStatus(ProblemHandler.statusOf(e).value());
                if ("pactum.customer.duplicateCreditCode".equals(e.messageKey())) {
                    errors = Map.of("creditCode", text(e.messageKey(), e.args()));
                } else {
                    model.addAttribute("formError", text(e.messageKey(), e.args()));
                }
            }
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("form", typed);
        return customerForm(null, errors, model);
    }

    @GetMapping("/customers/{id:\\d+}/edit")
    String edit(@PathVariable long id, Model model) {
        Customer customer = customers.byId(id);
        model.addAttribute("form", contactValues(customer));
        model.addAttribute("version", customer.getVersion());
        return customerForm(customer, Map.of(), model);
    }

    /**
     * Saves the contact as edited from the given version. When someone else saved the customer meanwhile, nothing
     * is written: the form comes back as typed, with what is saved now beside each field that differs, and saving
     * it again then replaces that knowingly.
     */
    @PostMapping("/customers/{id:\\d+}/edit")
    String saveContact(@PathVariable long id, @Valid @ModelAttribute("contact") CustomerContact form,
                       BindingResult binding, @RequestParam long version, @RequestParam Map<String, String> typed,
                       Model model, HttpServletResponse response) {
        model.addAttribute("form", typed);
        Map<String, String> errors = errors(binding);
        if (errors.isEmpty()) {
            try {
                customers.updateContact(id, version, form);
                return "redirect:/customers/" + id + "?saved";
            } catch (DomainException e) {
                if (!CustomerService.CHANGED_MEANWHILE.equals(e.messageKey())) {
                    throw e;
                }
                return contactConflict(id, model, response);
            } catch (OptimisticLockingFailureException e) {
                return contactConflict(id, model, response);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("version", version);
        return customerForm(customers.byId(id), errors, model);
    }

    private String contactConflict(long id, Model model, HttpServletResponse response) {
        Customer now = customers.byId(id);
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("formError", text(CustomerService.CHANGED_MEANWHILE, now.getName()));
        model.addAttribute("saved", contactValues(now));
        model.addAttribute("version", now.getVersion());
        return customerForm(now, Map.of(), model);
    }

    private String customerForm(Customer customer, Map<String, String> errors, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("errors", errors);
        return "customer-form";
    }

    /** The customer field of the new-contract form (an htmx fragment). */
    @GetMapping("/customers/suggest")
    String suggest(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("suggestions", directory.suggest(q, 10));
        return "fragments :: customerSuggestions";
    }

    private static Map<String, String> contactValues(Customer customer) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", customer.getName());
        values.put("creditCode", customer.getCreditCode());
        values.put("contactName", customer.getContactName());
        values.put("contactEmail", customer.getContactEmail());
        values.put("contactPhone", customer.getContactPhone());
        return values;
    }

    private static Map<String, String> creditValues(Customer customer) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("creditLimit", customer.getCreditLimit() == null ? null : customer.getCreditLimit().toPlainString());
        values.put("creditLimitCurrency", customer.getCreditLimitCurrency());
        values.put("hasOverduePayments", String.valueOf(customer.hasOverduePayments()));
        return values;
    }

    /** Each field's errors in the reader's language (the validator speaks the request's), joined as the API's. */
    private <T> Map<String, String> violations(T request) {
        Map<String, String> errors = new LinkedHashMap<>();
        validator.validate(request).stream()
                .sorted(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
                .forEach(v -> errors.merge(v.getPropertyPath().toString(), v.getMessage(), (a, b) -> a + "；" + b));
        return errors;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** Each field's errors in the reader's language, joined as the API's problem lists them. */
    private Map<String, String> errors(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            String message = error.isBindingFailure() ? text("pactum.validation.typeMismatch")
                    : messages.getMessage(error, LocaleContextHolder.getLocale());
            errors.merge(error.getField(), message, (a, b) -> a + "；" + b);
        }
        return errors;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
