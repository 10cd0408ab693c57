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

    @Transactional
    public Customer register(NewCustomer request) {
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

    @Transactional(readOnly = true)
    public Page<Customer> list(Pageable page) {
        return customers.findAll(page);
    }
}
