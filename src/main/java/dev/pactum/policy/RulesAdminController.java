package dev.pactum.policy;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import dev.pactum.rules.RuleSource;
import dev.pactum.rules.RuleCompilationException;
import java.util.List;
import java.util.Map;

import dev.pactum.web.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rule administration for {@code camunda-admin} and {@code process-analysts}: reload the live rules, and replay a
 * candidate rule set over recent contracts before putting it live.
 */
@Tag(name = "Rules", description = "规则 · reload the live rules, replay a candidate rule set (admins, process analysts)")
@RestController
@RequestMapping("/api/admin/rules")
class RulesAdminController {

    private final RuleSetReloader reloader;
    private final RuleWhatIf whatIf;

    RulesAdminController(RuleSetReloader reloader, RuleWhatIf whatIf) {
        this.reloader = reloader;
        this.whatIf = whatIf;
    }

    /** Compiles the configured rule folder, checks it against its fixtures and, if both succeed, puts it live. */
    @Operation(summary = "Compile the configured rule folder, check it against its fixtures and put it live")
    @PostMapping("/reload")
    RuleSetReloader.RuleSetReload reload() {
        try {
            return reloader.reload();
        } catch (RuleCompilationException e) {
            throw RulesRejectedException.invalid(DomainException.Kind.UNPROCESSABLE, e.getMessage());
        } catch (RuleSetReloader.RuleSetRejectedException e) {
            throw RulesRejectedException.fixturesFailed(e.getMessage(), e.failures());
        } catch (RuleFixtures.InvalidFixtureException e) {
            throw RulesRejectedException.fixturesFailed(e.getMessage(), List.of());
        }
    }

    /**
     * @param files         rule files by name ({@code rules/approval-routing.drl}) replacing the live ones; a
     *                      workbook is given as base64. Files not given are the live ones.
     * @param lastContracts how many of the newest contracts to replay (default 50)
     */
    record WhatIfRequest(@Size(max = 20) Map<String, @Size(max = 2_000_000) String> files,
                         @Min(1) @Max(1000) Integer lastContracts) {
    }

    @Operation(summary = "Replay a candidate rule set over the newest contracts and report what would change (admins)")
    @PostMapping("/what-if")
    WhatIfReport whatIf(@Valid @RequestBody WhatIfRequest request) {
        int last = request.lastContracts() == null ? 50 : request.lastContracts();
        try {
            // Only files given in the request: the server never reads a location a caller names.
            List<RuleSource> candidate = whatIf.candidateFrom(request.files() == null ? Map.of() : request.files());
            return whatIf.replay(candidate, last);
        } catch (RuleCompilationException | IllegalArgumentException e) {
            throw RulesRejectedException.invalid(DomainException.Kind.INVALID, e.getMessage());
        }
    }
}
