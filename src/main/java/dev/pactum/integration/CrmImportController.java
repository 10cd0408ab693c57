package dev.pactum.integration;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/integrations/crm/customers/{crmId}/import}: 201 with the new customer, or 200 when one with the
 * same 统一社会信用代码 was brought in step with the CRM.
 */
@RestController
class CrmImportController {

    private final CrmCustomers crm;

    CrmImportController(CrmCustomers crm) {
        this.crm = crm;
    }

    @PostMapping("/api/integrations/crm/customers/{crmId}/import")
    ResponseEntity<CrmCustomers.Imported> importCustomer(@PathVariable String crmId) {
        CrmCustomers.Imported imported = crm.importById(crmId);
        return ResponseEntity.status(imported.created() ? HttpStatus.CREATED : HttpStatus.OK).body(imported);
    }
}
