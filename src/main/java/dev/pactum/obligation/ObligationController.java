package dev.pactum.obligation;

import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractStatus;
import dev.pactum.document.DocumentVersionInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "After approval", description = "签署、回款、终止 · signing, payments, termination")
class ObligationController {

    private final SigningService signing;
    private final PaymentService payments;
    private final TermService term;

    ObligationController(SigningService signing, PaymentService payments, TermService term) {
        this.signing = signing;
        this.payments = payments;
        this.term = term;
    }

    @PostMapping(value = "/api/contracts/{id}/counter-signature", consumes = MediaType.APPLICATION_PDF_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload the counterparty's signed PDF (owner); the contract becomes SIGNED")
    DocumentVersionInfo counterSignature(@PathVariable long id, @RequestBody byte[] pdf) {
        return signing.acceptCounterSignature(id, pdf);
    }

    @PostMapping(value = "/api/documents/verify", consumes = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Check the signatures of a PDF: valid, who signed, when, changed since")
    SignatureReport verify(@RequestBody byte[] pdf) {
        return signing.verify(pdf);
    }

    @PostMapping("/api/contracts/{id}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a payment towards a milestone (finance)")
    PaymentRecorded pay(@PathVariable long id, @Valid @RequestBody NewPayment payment) {
        return payments.record(id, payment);
    }

    @GetMapping("/api/contracts/{id}/receivables")
    @Operation(summary = "Received, outstanding and overdue money of a contract, with ageing")
    Receivables receivables(@PathVariable long id) {
        return payments.receivables(id);
    }

    @GetMapping("/api/receivables")
    @Operation(summary = "Received, outstanding and overdue money of every contract the caller may see, in CNY")
    Receivables receivables() {
        return payments.receivables();
    }

    @PostMapping("/api/contracts/{id}/terminate")
    @Operation(summary = "Terminate a contract with a reason (its managers, directors, admins; the owner while signing)")
    Terminated terminate(@PathVariable long id, @Valid @RequestBody Termination request) {
        Contract contract = term.terminate(id, request.reason());
        return new Terminated(contract.getId(), contract.getNumber(), contract.getStatus());
    }

    record Termination(@NotBlank @Size(max = 2000) String reason) {
    }

    record Terminated(Long id, String number, ContractStatus status) {
    }
}
