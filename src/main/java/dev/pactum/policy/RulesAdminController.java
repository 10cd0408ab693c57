package dev.pactum.policy;

import dev.pactum.rules.RuleSource;
import dev.pactum.rules.RuleCompilationException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.pactum.security.CurrentUser;
import dev.pactum.web.ProblemHandler;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rule administration for {@code camunda-admin} and {@code process-analysts}: reload the live rules, and replay a
 * candidate rule set over recent contracts before putting it live.
 */
@RestController
@RequestMapping("/api/admin/rules")
public class RulesAdminController {

    static final List<String> ADMIN_GROUPS = List.of("camunda-admin", "process-analysts");

    private final RuleSetReloader reloader;
    private final RuleWhatIf whatIf;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    public RulesAdminController(RuleSetReloader reloader, RuleWhatIf whatIf, CurrentUser currentUser,
                                MessageSource messages) {
        this.reloader = reloader;
        this.whatIf = whatIf;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    /** Compiles the configured rule folder, checks it against its fixtures and, if both succeed, puts it live. */
    @PostMapping("/reload")
    public ResponseEntity<?> reload() {
        if (!mayAdminister()) {
            return forbidden();
        }
        try {
            return ResponseEntity.ok(reloader.reload());
        } catch (RuleCompilationException e) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "rules-invalid", e.getMessage(), Map.of());
        } catch (RuleSetReloader.RuleSetRejectedException e) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "rules-fixtures-failed", e.getMessage(),
                    Map.of("failures", e.failures()));
        } catch (RuleFixtures.InvalidFixtureException e) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "rules-fixtures-failed", e.getMessage(), Map.of());
        }
    }

    /**
     * @param files         rule files by name ({@code rules/approval-routing.drl}) replacing the live ones; a
     *                      workbook is given as base64. Files not given are the live ones.
     * @param location      or: a folder (or classpath location) holding the whole candidate set
     * @param lastContracts how many of the newest contracts to replay (default 50)
     */
    public record WhatIfRequest(Map<String, String> files, String location,
                                @Min(1) @Max(1000) Integer lastContracts) {
    }

    @PostMapping("/what-if")
    public ResponseEntity<?> whatIf(@Valid @RequestBody WhatIfRequest request) {
        if (!mayAdminister()) {
            return forbidden();
        }
        int last = request.lastContracts() == null ? 50 : request.lastContracts();
        try {
            List<RuleSource> candidate = request.location() != null && !request.location().isBlank()
                    ? whatIf.candidateAt(request.location())
                    : whatIf.candidateFrom(request.files() == null ? Map.of() : request.files());
            return ResponseEntity.ok(whatIf.replay(candidate, last));
        } catch (RuleCompilationException | IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, "rules-invalid", e.getMessage(), Map.of());
        }
    }

    private boolean mayAdminister() {
        return ADMIN_GROUPS.stream().anyMatch(currentUser::isMemberOf);
    }

    private ResponseEntity<ProblemDetail> forbidden() {
        ProblemDetail detail = ProblemDetail.forStatus(HttpStatus.FORBIDDEN);
        detail.setType(URI.create(ProblemHandler.TYPE_BASE + "forbidden"));
        detail.setTitle(text("pactum.security.forbidden.title"));
        detail.setDetail(text("pactum.rules.adminOnly", String.join(", ", ADMIN_GROUPS)));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String errors,
                                                  Map<String, Object> properties) {
        ProblemDetail detail = ProblemDetail.forStatus(status);
        detail.setType(URI.create(ProblemHandler.TYPE_BASE + type));
        detail.setTitle(text("pactum.problem." + type + ".title"));
        detail.setDetail(text("pactum.problem." + type + ".detail", errors));
        detail.setProperty("errors", errors.lines().filter(line -> !line.isBlank()).toList());
        properties.forEach(detail::setProperty);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
