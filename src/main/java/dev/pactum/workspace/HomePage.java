package dev.pactum.workspace;

import dev.pactum.contract.ContractStatus;
import dev.pactum.reporting.ContractFilter;
import dev.pactum.reporting.ContractListing;
import dev.pactum.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 我的工作台: my drafts, my contracts waiting on others, the approvals waiting on me, unread notifications. */
@Controller
class HomePage {

    private final ContractListing listing;
    private final Inbox inbox;
    private final CurrentUser currentUser;

    HomePage(ContractListing listing, Inbox inbox, CurrentUser currentUser) {
        this.listing = listing;
        this.inbox = inbox;
        this.currentUser = currentUser;
    }

    @GetMapping("/home")
    String home(Model model) {
        String me = currentUser.username();
        ContractFilter mine = ContractFilter.NONE.withOwner(me);
        model.addAttribute("drafts", listing.search(mine.withStatus(ContractStatus.DRAFT), 0, 10));
        model.addAttribute("revising", listing.search(mine.withStatus(ContractStatus.REVISING), 0, 10));
        model.addAttribute("waiting", inbox.waitingOnOthers(me));
        model.addAttribute("tasks", inbox.openTasks(me, currentUser.groups()));
        model.addAttribute("notifications", inbox.unreadNotifications(me));
        return "home";
    }
}
