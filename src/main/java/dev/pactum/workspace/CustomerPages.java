package dev.pactum.workspace;

import dev.pactum.security.CurrentUser;
import dev.pactum.reporting.ContractFilter;
import dev.pactum.reporting.ContractListing;
import dev.pactum.reporting.CustomerDirectory;
import dev.pactum.web.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** 客户 pages: the list with each customer's totals, one customer with their contracts, search as you type. */
@Controller
class CustomerPages {

    private final CustomerDirectory customers;
    private final ContractListing listing;
    private final CurrentUser currentUser;

    CustomerPages(CustomerDirectory customers, ContractListing listing, CurrentUser currentUser) {
        this.customers = customers;
        this.listing = listing;
        this.currentUser = currentUser;
    }

    @GetMapping("/customers")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("rows", customers.page(q, Math.max(page, 0), ContractPages.PAGE_SIZE));
        return "customers";
    }

    @GetMapping("/customers/{id:\\d+}")
    String customer(@PathVariable long id, Model model) {
        // Credit data feeds the risk score: only those who keep it (finance, directors, admins) see it.
        model.addAttribute("handlesCredit", currentUser.handlesCredit());
        model.addAttribute("customer", customers.one(id)
                .orElseThrow(() -> DomainException.notFound("pactum.customer.notFound", id)));
        model.addAttribute("contracts", listing.search(ContractFilter.NONE.withCustomer(id), 0, 100));
        return "customer";
    }

    /** The choices under the customer field of the new-contract form (an htmx fragment). */
    @GetMapping("/customers/suggest")
    String suggest(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("suggestions", customers.suggest(q, 10));
        return "fragments :: customerSuggestions";
    }
}
