package dev.pactum.contract;

import dev.pactum.web.DomainException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CustomerService {

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
        Customer customer = customers.findById(customerId)
                .orElseThrow(() -> DomainException.notFound("pactum.customer.notFound", customerId));
        customer.setCreditLimit(credit.creditLimit());
        customer.setCreditLimitCurrency(credit.creditLimitCurrency());
        customer.setHasOverduePayments(credit.hasOverduePayments());
        return customer;
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
