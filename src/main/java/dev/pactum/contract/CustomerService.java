package dev.pactum.contract;

import dev.pactum.web.DomainException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CustomerService {

    /** The message key of the conflict raised when a customer was saved by someone else since it was read. */
    public static final String CHANGED_MEANWHILE = "pactum.customer.changedMeanwhile";

    private final CustomerRepository customers;

    public CustomerService(CustomerRepository customers) {
        this.customers = customers;
    }

    /** Registers a customer for the system (demo data, imports): credit data as given. */
    @Transactional
    public Customer register(NewCustomer request) {
        return register(request, true);
    }

    /**
     * Registers a customer for a user. Credit limit and the overdue flag feed the risk score: only finance (or an
     * admin) sets them, never the salesperson whose contracts they judge.
     */
    @Transactional
    public Customer register(NewCustomer request, boolean handlesCredit) {
        if (!handlesCredit && (request.creditLimit() != null || request.hasOverduePayments())) {
            throw DomainException.forbidden("pactum.customer.creditByFinance");
        }
        customers.findByCreditCode(request.creditCode()).ifPresent(existing -> {
            throw DomainException.conflict("pactum.customer.duplicateCreditCode", existing.getCreditCode(),
                    existing.getName());
        });
        Customer customer = new Customer(request.name().trim(), request.creditCode());
        customer.setContactName(request.contactName());
        customer.setContactEmail(request.contactEmail());
        customer.setContactPhone(request.contactPhone());
        customer.setCreditLimit(request.creditLimit());
        customer.setCreditLimitCurrency(request.creditLimitCurrency());
        customer.setHasOverduePayments(request.hasOverduePayments());
        return customers.saveAndFlush(customer);
    }

    /** Finance records what it knows of a customer's credit: the limit and whether payments are overdue. */
    @Transactional
    public Customer updateCredit(long customerId, CreditData credit) {
        return updateCredit(customerId, credit, null);
    }

    /**
     * As {@link #updateCredit(long, CreditData)}, for someone who edited the credit data of the customer as it was
     * at {@code expectedVersion}: refused with a conflict when someone else changed the customer meanwhile.
     */
    @Transactional
    public Customer updateCredit(long customerId, CreditData credit, Long expectedVersion) {
        Customer customer = current(customerId, expectedVersion);
        customer.setCreditLimit(credit.creditLimit());
        customer.setCreditLimitCurrency(credit.creditLimitCurrency());
        customer.setHasOverduePayments(credit.hasOverduePayments());
        customers.flush();
        return customer;
    }

    /**
     * A user changes a customer's name or contact, having edited the customer as it was at {@code expectedVersion}.
     * When someone else saved it meanwhile nothing is written and a conflict is raised (the database's version
     * check catches the same race between two saves at once).
     *
     * @return the customer as saved
     */
    @Transactional
    public Customer updateContact(long customerId, long expectedVersion, CustomerContact contact) {
        Customer customer = current(customerId, expectedVersion);
        customer.setName(contact.name());
        customer.setContactName(contact.contactName());
        customer.setContactEmail(contact.contactEmail());
        customer.setContactPhone(contact.contactPhone());
        customers.flush();
        return customer;
    }

    @Transactional(readOnly = true)
    public Customer byId(long customerId) {
        return customers.findById(customerId)
                .orElseThrow(() -> DomainException.notFound("pactum.customer.notFound", customerId));
    }

    private Customer current(long customerId, Long expectedVersion) {
        Customer customer = customers.findById(customerId)
                .orElseThrow(() -> DomainException.notFound("pactum.customer.notFound", customerId));
        if (expectedVersion != null && customer.getVersion() != expectedVersion) {
            throw DomainException.conflict(CHANGED_MEANWHILE, customer.getName());
        }
        return customer;
    }

    /**
     * Applies what the CRM reports of a customer (see {@link CustomerUpdate}).
     *
     * @return the values that changed, each with its value before and after; empty when nothing changed
     */
    @Transactional
    public List<CustomerChange> update(CustomerUpdate update) {
        Customer customer = customers.findByCreditCode(update.creditCode())
                .orElseThrow(() -> DomainException.unprocessable("pactum.customer.creditCodeUnknown",
                        update.creditCode()));
        List<CustomerChange> changes = new ArrayList<>();
        String name = update.name() == null ? null : update.name().trim();
        if (name != null && !name.equals(customer.getName())) {
            changes.add(new CustomerChange("name", customer.getName(), name));
            customer.setName(name);
        }
        if (update.contactName() != null && !update.contactName().equals(customer.getContactName())) {
            changes.add(new CustomerChange("contactName", customer.getContactName(), update.contactName()));
            customer.setContactName(update.contactName());
        }
        if (update.contactEmail() != null && !update.contactEmail().equals(customer.getContactEmail())) {
            changes.add(new CustomerChange("contactEmail", customer.getContactEmail(), update.contactEmail()));
            customer.setContactEmail(update.contactEmail());
        }
        if (update.contactPhone() != null && !update.contactPhone().equals(customer.getContactPhone())) {
            changes.add(new CustomerChange("contactPhone", customer.getContactPhone(), update.contactPhone()));
            customer.setContactPhone(update.contactPhone());
        }
        BigDecimal limit = update.creditLimit();
        if (limit != null && (customer.getCreditLimit() == null || limit.compareTo(customer.getCreditLimit()) != 0)) {
            changes.add(new CustomerChange("creditLimit",
                    customer.getCreditLimit() == null ? null : customer.getCreditLimit().toPlainString(),
                    limit.toPlainString()));
            customer.setCreditLimit(limit);
        }
        if (!changes.isEmpty()) {
            customers.flush();
        }
        return List.copyOf(changes);
    }

    @Transactional(readOnly = true)
    public Optional<Customer> byCreditCode(String creditCode) {
        return customers.findByCreditCode(creditCode);
    }

    /**
     * The customer's payment standing as the payment schedules show it: set when a milestone of theirs became
     * overdue, cleared when none is overdue any more. The risk rules read it.
     */
    @Transactional
    public void recordPaymentStanding(long customerId, boolean hasOverduePayments) {
        Customer customer = customers.findById(customerId)
                .orElseThrow(() -> DomainException.notFound("pactum.customer.notFound", customerId));
        customer.setHasOverduePayments(hasOverduePayments);
    }

    @Transactional(readOnly = true)
    public Page<Customer> list(Pageable page) {
        return customers.findAll(page);
    }
}
