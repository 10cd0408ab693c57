package dev.pactum.integration;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins manage machines' access: service accounts and their API tokens. */
@Tag(name = "Service accounts", description = "服务账号 · machines' accounts and their API tokens (admins)")
@RestController
@RequestMapping("/api/admin/service-accounts")
class ServiceAccountController {

    record NewAccount(String name, String description, List<String> groups) {
    }

    record NewToken(String name, List<String> scopes, Integer validDays) {
    }

    private final ServiceAccounts accounts;

    ServiceAccountController(ServiceAccounts accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "Create a service account (name svc-…) acting with the given Camunda groups")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ServiceAccounts.Account create(@RequestBody NewAccount account) {
        return accounts.create(account.name(), account.description(), account.groups());
    }

    @Operation(summary = "Every service account with its groups (never a token's secret)")
    @GetMapping
    List<ServiceAccounts.Account> list() {
        return accounts.list();
    }

    @Operation(summary = "Issue an API token (scopes read, write, engine; 1 to 366 days); its secret is shown only now")
    @PostMapping("/{id}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ServiceAccounts.IssuedToken issue(@PathVariable long id, @RequestBody NewToken token) {
        return accounts.issue(id, token.name(), token.scopes(), token.validDays());
    }

    @Operation(summary = "The account's tokens: prefix, scopes, expiry, revocation and last use (never the secret)")
    @GetMapping("/{id}/tokens")
    List<ServiceAccounts.Token> tokens(@PathVariable long id) {
        return accounts.tokens(id);
    }

    @Operation(summary = "Revoke a token: from now on it authenticates nothing")
    @DeleteMapping("/{id}/tokens/{tokenId}")
    ServiceAccounts.Token revoke(@PathVariable long id, @PathVariable long tokenId) {
        return accounts.revoke(id, tokenId);
    }
}
