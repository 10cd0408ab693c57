package dev.pactum.integration;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/integrations/crm/customers/{crmId}/import}: 201 with the new customer, or 200 when one with the
 * same 统一社会信用代码 was brought in step with the CRM.
 */
@Tag(name = "Integrations", description = "集成 · customers from the CRM, finance reconciliation")
@RestController
class CrmImportController {

    private final CrmCustomers crm;

    CrmImportController(CrmCustomers crm) {
        this.crm = crm;
    }

    @Operation(summary = "Import a customer from the CRM by its CRM id (201 new, 200 brought in step)")
    @ApiResponse(responseCode = "201", description = "A new customer, made from the CRM's account")
    @ApiResponse(responseCode = "200", description = "The customer with the same credit code, brought in step with the CRM")
    @PostMapping("/api/integrations/crm/customers/{crmId}/import")
    ResponseEntity<CrmCustomers.Imported> importCustomer(@PathVariable String crmId) {
        CrmCustomers.Imported imported = crm.importById(crmId);
        return ResponseEntity.status(imported.created() ? HttpStatus.CREATED : HttpStatus.OK).body(imported);
    }
}
