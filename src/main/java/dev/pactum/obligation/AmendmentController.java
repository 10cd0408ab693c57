package dev.pactum.obligation;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.pactum.contract.AmendmentRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Amendments", description = "补充协议 · change a contract in force through approval")
class AmendmentController {

    private final AmendmentService amendments;

    AmendmentController(AmendmentService amendments) {
        this.amendments = amendments;
    }

    @PostMapping("/api/contracts/{id}/amendments")
    @Operation(summary = "Amend an ACTIVE contract (amount, end date, clauses): routed by the rules, approved in Tasklist")
    @ApiResponse(responseCode = "201", description = "Requested; the amendment waits for its approvals")
    ResponseEntity<AmendmentService.AmendmentView> amend(@PathVariable long id,
                                                         @Valid @RequestBody AmendmentRequest request) {
        AmendmentService.AmendmentView amendment = amendments.request(id, request);
        return ResponseEntity.created(URI.create("/api/contracts/" + id + "/amendments")).body(amendment);
    }

    @GetMapping("/api/contracts/{id}/amendments")
    @Operation(summary = "The contract's amendments, oldest first")
    List<AmendmentService.AmendmentView> list(@PathVariable long id) {
        return amendments.list(id);
    }
}
