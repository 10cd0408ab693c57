package dev.pactum.contract;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.pactum.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/contracts")
@Tag(name = "Contracts", description = "合同 · draft, submit for approval, read with risk, approvals and documents")
class ContractController {

    private final ContractService contracts;
    private final ContractQueries queries;
    private final CurrentUser currentUser;

    public ContractController(ContractService contracts, ContractQueries queries, CurrentUser currentUser) {
        this.contracts = contracts;
        this.queries = queries;
        this.currentUser = currentUser;
    }

    @PostMapping
    @Operation(summary = "Draft a contract from a template",
            description = "With an Idempotency-Key header, repeating the request returns the first contract (200).")
    @ApiResponse(responseCode = "201", description = "Drafted; Location names the new contract")
    @ApiResponse(responseCode = "200", description = "A retry with the same Idempotency-Key: the contract drafted first")
    public ResponseEntity<Created> draft(@Valid @RequestBody NewContract request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) String idempotencyKey) {
        ContractService.Drafted drafted = contracts.draft(request, currentUser.username(), idempotencyKey);
        Contract contract = drafted.contract();
        Created body = new Created(contract.getId(), contract.getNumber(), contract.getStatus());
        if (!drafted.created()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.created(URI.create("/api/contracts/" + contract.getId())).body(body);
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit a draft for approval: starts its lifecycle process")
    public Created submit(@PathVariable long id) {
        Contract contract = contracts.submit(queries.visible(id), currentUser.username());
        return new Created(contract.getId(), contract.getNumber(), contract.getStatus());
    }

    public record Created(Long id, String number, ContractStatus status) {
    }
}
