package dev.pactum.contract;

import dev.pactum.document.ContractDocumentService;
import dev.pactum.security.CurrentUser;
import dev.pactum.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/contracts")
@Tag(name = "Contracts", description = "合同 · draft, submit for approval, read with risk, approvals and documents")
public class ContractController {

    private final ContractService contracts;
    private final ContractQueries queries;
    private final ContractDocumentService documents;
    private final CurrentUser currentUser;

    public ContractController(ContractService contracts, ContractQueries queries, ContractDocumentService documents,
                              CurrentUser currentUser) {
        this.contracts = contracts;
        this.queries = queries;
        this.documents = documents;
        this.currentUser = currentUser;
    }

    @PostMapping
    @Operation(summary = "Draft a contract from a template",
            description = "With an Idempotency-Key header, repeating the request returns the first contract (200).")
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
        Contract contract = contracts.submit(queries.visible(id));
        return new Created(contract.getId(), contract.getNumber(), contract.getStatus());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A contract with its risk, approval chain (live state) and document versions")
    public ContractView get(@PathVariable long id) {
        return queries.view(id);
    }

    @GetMapping
    @Operation(summary = "Contracts the caller may see, filtered and paged")
    public PagedModel<ContractSummary> search(@RequestParam(required = false) ContractStatus status,
            @RequestParam(required = false) Long customerId,
            @RequestParam(name = "q", required = false) @Size(max = 200) String text,
            @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.DESC) Pageable page) {
        return new PagedModel<>(queries.search(status, customerId, text, page));
    }

    @GetMapping(value = "/{id}/document", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The latest rendered document (PDF)")
    public ResponseEntity<byte[]> document(@PathVariable long id) {
        Contract contract = queries.visible(id);
        var document = documents.latest(contract.getId())
                .orElseThrow(() -> ProblemException.notFound("pactum.contract.noDocument", contract.getNumber()));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(contract.getNumber() + "-v" + document.version() + ".pdf").build().toString())
                .header(HttpHeaders.ETAG, "\"" + document.sha256() + "\"")
                .body(document.content());
    }

    public record Created(Long id, String number, ContractStatus status) {
    }
}
