package dev.pactum.dossier;

import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.ContractType;
import io.swagger.v3.oas.annotations.Parameter;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
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
    @Operation(summary = "Contracts the caller may see, filtered, sorted and paged",
            description = """
                    Sales users see their own contracts, reviewers all (the same rule as every page, chart and export).
                    `q` finds a substring of the number, title or customer name, Chinese included, from one character
                    on. Two ways to page:
                    - **By number** (`page`, `size`, `sort`): `page.totalElements` is exact up to 2,000 matching
                      contracts; above, it is the database's estimate and `page.totalExact` is false (counting a
                      million rows on every page is what would cost). Deep page numbers read and skip every row
                      before them: for deep reading, follow cursors.
                    - **By cursor**: send `cursor` (empty for the first page) and follow `next` until it is absent. No
                      total is computed; each page costs what the first does, and rows added meanwhile neither shift
                      nor repeat rows. The order is the one `sort` gave the first page (the cursor carries it).
                    Every answer by number also carries `next`, the cursor of the rows after it.""")
    ContractList search(@RequestParam(required = false) ContractStatus status,
            @RequestParam(required = false) ContractType type,
            @RequestParam(required = false) Long customerId,
            @Parameter(description = "Owner's username") @RequestParam(required = false) @Size(max = 100) String owner,
            @Parameter(description = "Created on or after (company time zone)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Created on or before (company time zone)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) BigDecimal minAmount,
            @RequestParam(required = false) BigDecimal maxAmount,
            @Parameter(description = "Substring of number, title or customer name")
            @RequestParam(name = "q", required = false) @Size(max = 200) String text,
            @Parameter(description = "Keyset paging: empty for the first page, then the previous answer's `next`")
            @RequestParam(required = false) @Size(max = 1000) String cursor,
            @ParameterObject @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.DESC)
            Pageable page) {
        return dossier.search(new ContractDossier.ListQuery(status, type, customerId, owner, from, to, minAmount,
                maxAmount, text), cursor, page);
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
