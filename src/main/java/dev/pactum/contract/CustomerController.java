package dev.pactum.contract;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import dev.pactum.security.CurrentUser;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers")
@Tag(name = "Customers", description = "客户 · counterparties")
class CustomerController {

    private final CustomerService customers;
    private final CurrentUser currentUser;

    CustomerController(CustomerService customers, CurrentUser currentUser) {
        this.customers = customers;
        this.currentUser = currentUser;
    }

    @PostMapping
    @Operation(summary = "Register a customer (unified social credit code checked per GB 32100-2015)")
    @ApiResponse(responseCode = "201", description = "Registered; Location names the new customer")
    public ResponseEntity<CustomerView> register(@Valid @RequestBody NewCustomer request) {
        Customer customer = customers.register(request, currentUser.handlesCredit());
        return ResponseEntity.created(URI.create("/api/customers/" + customer.getId()))
                .body(CustomerView.of(customer, currentUser.handlesCredit()));
    }

    @GetMapping
    @Operation(summary = "Customers, paged")
    public PagedModel<CustomerView> list(@PageableDefault(size = 20, sort = "name") Pageable page) {
        boolean credit = currentUser.handlesCredit();
        return new PagedModel<>(customers.list(page).map(customer -> CustomerView.of(customer, credit)));
    }

    @PutMapping("/{id}/credit")
    @Operation(summary = "Finance records a customer's credit limit and overdue status (finance and admins only)")
    public CustomerView updateCredit(@PathVariable long id, @Valid @RequestBody CreditData credit) {
        return CustomerView.of(customers.updateCredit(id, credit), true);
    }
}
