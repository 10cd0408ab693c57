package dev.pactum.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.ContractType;
import dev.pactum.reporting.Dashboard;
import dev.pactum.reporting.TableExport;
import dev.pactum.web.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 统计分析: charts (ECharts) over the contracts the reader may see, each chart's numbers also as CSV. Sales users see
 * their own numbers; reviewers see everyone's.
 */
@Controller
class DashboardPage {

    static final List<String> CHARTS = List.of("byMonth", "byType", "byStatus", "topCustomers", "cycleByLevel",
            "cycleByGroup", "cycleByApprover", "bottlenecks", "breaches");

    private final Dashboard dashboard;
    private final ObjectMapper json;
    private final MessageSource messages;
    private final WorkspaceFormat fmt;

    DashboardPage(Dashboard dashboard, ObjectMapper json, MessageSource messages, WorkspaceFormat fmt) {
        this.dashboard = dashboard;
        this.json = json;
        this.messages = messages;
        this.fmt = fmt;
    }

    @GetMapping("/dashboard")
    String page(Model model) throws JsonProcessingException {
        Dashboard.Numbers numbers = dashboard.numbers();
        model.addAttribute("d", numbers);
        model.addAttribute("charts", CHARTS);
        model.addAttribute("data", scriptSafe(json.writeValueAsString(numbers)));
        model.addAttribute("labels", scriptSafe(json.writeValueAsString(labels())));
        return "dashboard";
    }

    /** One chart's numbers as CSV (UTF-8 with a byte order mark), with the same labels as the page. */
    @GetMapping("/dashboard/{chart}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String chart) {
        Dashboard.Numbers d = dashboard.numbers();
        TableExport.Table table = switch (chart) {
            case "byMonth" -> buckets(chart, d.byMonth(), Function.identity());
            case "byType" -> buckets(chart, d.byType(), key -> text("pactum.workspace.type." + key));
            case "byStatus" -> buckets(chart, d.byStatus(), key -> text("pactum.workspace.status." + key));
            case "topCustomers" -> buckets(chart, d.topCustomers(), Function.identity());
            case "cycleByLevel" -> cycles(chart, d.cycleByLevel());
            case "cycleByGroup" -> cycles(chart, d.cycleByGroup());
            case "cycleByApprover" -> cycles(chart, d.cycleByApprover());
            case "bottlenecks" -> table(chart, List.of("level", "groups", "contracts", "oldestHours", "averageHours"),
                    d.bottlenecks().stream().map(b -> row(b.level(), b.groups(), b.contracts(), b.oldestHours(),
                            b.averageHours())).toList());
            case "breaches" -> table(chart, List.of("number", "title", "level", "groups", "dueAt", "endedAt"),
                    d.breaches().stream().map(b -> row(b.number(), b.title(), b.level(), b.groups(),
                            fmt.time(b.dueAt()), fmt.time(b.endedAt()))).toList());
            default -> throw DomainException.notFound("pactum.workspace.dashboard.unknownChart", chart);
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(chart + ".csv").build().toString())
                .body(TableExport.csvUtf8(table));
    }

    /** What the charts write for types, statuses and series, in the reader's language. */
    private Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (ContractType type : ContractType.values()) {
            labels.put(type.name(), text("pactum.workspace.type." + type));
        }
        for (ContractStatus status : ContractStatus.values()) {
            labels.put(status.name(), text("pactum.workspace.status." + status));
        }
        for (String series : List.of("count", "amountCny", "p50Hours", "p90Hours", "level")) {
            labels.put(series, text("pactum.workspace.dashboard.column." + series));
        }
        return labels;
    }

    private TableExport.Table buckets(String chart, List<Dashboard.Bucket> buckets, Function<String, String> label) {
        return table(chart, List.of("key", "count", "amountCny"), buckets.stream()
                .map(b -> row(label.apply(b.key()), b.count(), b.amountCny())).toList());
    }

    private TableExport.Table cycles(String chart, List<Dashboard.CycleTime> cycles) {
        return table(chart, List.of("key", "decisions", "p50Hours", "p90Hours"), cycles.stream()
                .map(c -> row(c.key(), c.decisions(), round(c.p50Hours()), round(c.p90Hours()))).toList());
    }

    private TableExport.Table table(String chart, List<String> columns, List<List<Object>> rows) {
        List<String> header = new ArrayList<>();
        columns.forEach(column -> header.add(text("pactum.workspace.dashboard.column." + column)));
        return new TableExport.Table(text("pactum.workspace.dashboard." + chart), header, rows);
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static BigDecimal round(double hours) {
        return BigDecimal.valueOf(hours).setScale(2, RoundingMode.HALF_UP);
    }

    /** JSON inside a script element: no sequence in it may close the element. */
    static String scriptSafe(String jsonText) {
        return jsonText.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private String text(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, key, locale);
    }
}
