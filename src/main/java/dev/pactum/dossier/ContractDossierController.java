package dev.pactum.dossier;

import dev.pactum.contract.ContractStatus;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestParam;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/contracts")
@Tag(name = "Contracts")
class ContractDossierController {

    private final ContractDossier dossier;

    ContractDossierController(ContractDossier dossier) {
        this.dossier = dossier;
    }

    @GetMapping("/{id}")
    @Operation(summary = "A contract with its risk, approval chain (live state) and document versions")
    ContractView get(@PathVariable long id) {
        return dossier.view(id);
    }

    @GetMapping
    @Operation(summary = "Contracts the caller may see, filtered and paged")
    PagedModel<ContractSummary> search(@RequestParam(required = false) ContractStatus status,
            @RequestParam(required = false) Long customerId,
            @RequestParam(name = "q", required = false) @Size(max = 200) String text,
            @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.DESC) Pageable page) {
        return new PagedModel<>(dossier.search(status, customerId, text, page));
    }

    @GetMapping(value = "/{id}/document", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The latest rendered document (PDF)")
    ResponseEntity<byte[]> document(@PathVariable long id) {
        ContractDossier.Document document = dossier.latestDocument(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.stored().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(document.contractNumber() + "-v" + document.stored().version() + ".pdf").build()
                        .toString())
                .header(HttpHeaders.ETAG, "\"" + document.stored().sha256() + "\"")
                .body(document.stored().content());
    }
}
