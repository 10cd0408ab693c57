package dev.pactum.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.web.FieldProblem;
import dev.pactum.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for auditors (group {@code auditors}) and admins; {@code SecurityConfiguration} turns everyone else
 * away with 403 before a request gets here. Reading the trail is itself recorded (AUDIT_SEARCH, AUDIT_EXPORT,
 * AUDIT_VERIFY).
 */
@RestController
@Validated
@Tag(name = "Audit", description = "审计 · who did what, when, from where; tamper evidence")
public class AuditController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private static final List<String> CSV_HEADER = List.of("seq", "occurredAt", "user", "sourceIp", "action",
            "objectType", "objectId", "outcome", "httpStatus", "method", "path", "engineOperationIds", "before",
            "after", "detail", "prevHash", "rowHash");

    private final AuditSearch search;
    private final AuditTrail trail;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final ZoneId zone;

    AuditController(AuditSearch search, AuditTrail trail, MessageSource messages, ObjectMapper json,
                    @Value("${pactum.zone:Asia/Shanghai}") ZoneId zone) {
        this.search = search;
        this.trail = trail;
        this.messages = messages;
        this.json = json;
        this.zone = zone;
    }

    /** One row as the API shows it; times in the company's zone. */
    public record AuditRow(long seq, OffsetDateTime occurredAt, String user, String sourceIp, String action,
                           String objectType, String objectId, String outcome, Integer httpStatus, String method,
                           String path, List<String> engineOperationIds, JsonNode before, JsonNode after,
                           String detail, String prevHash, String rowHash) {
    }

    @GetMapping("/api/audit")
    @Operation(summary = "Audit rows, newest first, filtered and paged; send Accept: text/csv for every matching "
            + "row as CSV (UTF-8 with BOM), oldest first")
    public PagedModel<AuditRow> search(@RequestParam(required = false) String user,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String objectType,
            @RequestParam(required = false) String objectId,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletResponse response) {
        AuditQuery query = query(user, action, objectType, objectId, outcome, from, to);
        if (wantsCsv(accept)) {
            writeCsv(query, response);
            return null;
        }
        return new PagedModel<>(search.page(query, page, size).map(this::row));
    }

    @GetMapping("/api/audit.csv")
    @Operation(summary = "Every matching audit row as CSV (UTF-8 with BOM, for Excel), oldest first")
    public void csv(@RequestParam(required = false) String user,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String objectType,
            @RequestParam(required = false) String objectId,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            HttpServletResponse response) {
        writeCsv(query(user, action, objectType, objectId, outcome, from, to), response);
    }

    /**
     * @param intact                  no broken link
     * @param message                 the result in the caller's language
     * @param failedAppendsSinceStart actions this node could not record since it started (each one is in the log)
     */
    public record Verification(boolean intact, String message, long rowsChecked, Long firstSeq, Long lastSeq,
                               String headHash, ChainVerification.Anchor anchor, ChainVerification.Break firstBreak,
                               long failedAppendsSinceStart) {
    }

    @GetMapping("/api/audit/verify")
    @Operation(summary = "Walk the hash chain and report the first broken link, if any")
    public Verification verify(Locale locale) {
        ChainVerification result = trail.verify();
        String message;
        if (result.intact()) {
            message = messages.getMessage("pactum.audit.verify.intact",
                    new Object[] {result.rowsChecked(), String.valueOf(result.firstSeq()),
                            String.valueOf(result.lastSeq())}, locale);
        } else {
            ChainVerification.Break broken = result.firstBreak();
            message = messages.getMessage("pactum.audit.verify.broken", new Object[] {String.valueOf(broken.seq()),
                    messages.getMessage("pactum.audit.verify.reason." + broken.reason().name(),
                            new Object[] {broken.expected(), broken.found()}, locale)}, locale);
        }
        return new Verification(result.intact(), message, result.rowsChecked(), result.firstSeq(), result.lastSeq(),
                result.headHash(), result.anchor(), result.firstBreak(), trail.failedAppends());
    }

    private static AuditQuery query(String user, String action, String objectType, String objectId, String outcome,
                                    OffsetDateTime from, OffsetDateTime to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidRequestException(List.of(new FieldProblem("to", "pactum.audit.validation.range")));
        }
        if (outcome != null && !outcome.isBlank() && Arrays.stream(AuditEntry.Outcome.values())
                .noneMatch(known -> known.name().equalsIgnoreCase(outcome.trim()))) {
            throw new InvalidRequestException(List.of(new FieldProblem("outcome", "pactum.audit.validation.outcome",
                    Arrays.toString(AuditEntry.Outcome.values()))));
        }
        return new AuditQuery(user, action, objectType, objectId, outcome,
                from == null ? null : from.toInstant(), to == null ? null : to.toInstant());
    }

    /**
     * CSV when the client asks for it by name ahead of JSON; a wildcard or no Accept header gets JSON, so a
     * plain {@code curl} reads the page.
     */
    private static boolean wantsCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept).stream()
                    .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed()).toList();
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (MediaType type : types) {
            if (type.getQualityValue() == 0 || type.isWildcardType()) {
                continue;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return true;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return false;
            }
        }
        return false;
    }

    private void writeCsv(AuditQuery query, HttpServletResponse response) {
        response.setStatus(200);
        response.setContentType(TEXT_CSV.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("audit-" + OffsetDateTime.now(zone).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                        + ".csv").build().toString());
        try {
            Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
            // The byte order mark makes Excel read the file as UTF-8 (Chinese names and titles).
            out.write('\uFEFF');
            line(out, CSV_HEADER);
            search.each(query, record -> {
                AuditRow row = row(record);
                try {
                    line(out, Arrays.asList(String.valueOf(row.seq()), row.occurredAt().toString(), row.user(),
                            row.sourceIp(), row.action(), row.objectType(), row.objectId(), row.outcome(),
                            row.httpStatus() == null ? null : row.httpStatus().toString(), row.method(), row.path(),
                            record.entry().engineOperationIds(), record.entry().beforeState(),
                            record.entry().afterState(), row.detail(), row.prevHash(), row.rowHash()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    /**
     * RFC 4180 quoting; a cell that a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -},
     * {@code @}) gets a leading apostrophe, since request paths and query strings come from users.
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private AuditRow row(AuditRecord record) {
        AuditEntry entry = record.entry();
        return new AuditRow(record.seq(), entry.occurredAt().atZone(zone).toOffsetDateTime(), entry.actor(),
                entry.sourceIp(), entry.action(), entry.objectType(), entry.objectId(), entry.outcome().name(),
                entry.httpStatus(), entry.httpMethod(), entry.requestPath(),
                entry.engineOperationIds() == null ? List.of() : List.of(entry.engineOperationIds().split(",")),
                parse(entry.beforeState()), parse(entry.afterState()), entry.detail(), record.prevHash(),
                record.rowHash());
    }

    private JsonNode parse(String state) {
        if (state == null) {
            return null;
        }
        try {
            return json.readTree(state);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(state);
        }
    }
}
