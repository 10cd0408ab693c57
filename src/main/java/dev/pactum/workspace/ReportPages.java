package dev.pactum.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.ContractType;
import dev.pactum.reporting.CustomReports;
import dev.pactum.reporting.ReportDefinition;
import dev.pactum.reporting.TableExport;
import dev.pactum.security.CurrentUser;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** 自定义报表: saved reports, the builder (dimension, measure, filters, chart), results as chart, table and exports. */
@Controller
@Validated
class ReportPages {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final CustomReports reports;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final ObjectMapper json;

    ReportPages(CustomReports reports, CurrentUser currentUser, MessageSource messages, ObjectMapper json) {
        this.reports = reports;
        this.currentUser = currentUser;
        this.messages = messages;
        this.json = json;
    }

    /** A definition whose parameters did not convert is not made at all: the defaults stand in for it. */
    private static ReportDefinition usable(ReportDefinition definition) {
        return definition != null ? definition : new ReportDefinition(null, null, null, null, null, null, null);
    }

    @GetMapping("/reports")
    String list(Model model) {
        model.addAttribute("reports", reports.visible());
        return "reports";
    }

    /** A report not saved (yet): the builder's result. */
    @GetMapping("/reports/run")
    String run(@ModelAttribute("definition") ReportDefinition definition, BindingResult ignoredBadParameters,
               Model model) throws JsonProcessingException {
        definition = usable(definition);
        model.addAttribute("definition", definition);
        return show(null, definition, model);
    }

    @GetMapping("/reports/{id:\\d+}")
    String saved(@PathVariable long id, Model model) throws JsonProcessingException {
        CustomReports.SavedReport report = reports.get(id);
        model.addAttribute("definition", report.definition());
        return show(report, report.definition(), model);
    }

    @PostMapping("/reports")
    String save(@ModelAttribute ReportDefinition definition, BindingResult ignoredBadParameters,
                @RequestParam @NotBlank @Size(max = 200) String name,
                @RequestParam(required = false) @Size(max = 100) String sharedWith) {
        return "redirect:/reports/" + reports.save(name.trim(), usable(definition), sharedWith);
    }

    @PostMapping("/reports/{id:\\d+}/delete")
    String delete(@PathVariable long id) {
        reports.delete(id);
        return "redirect:/reports";
    }

    @GetMapping("/reports/export.xlsx")
    ResponseEntity<byte[]> xlsx(@ModelAttribute ReportDefinition definition, BindingResult ignoredBadParameters,
                                @RequestParam(defaultValue = "report") String name) {
        return download(TableExport.xlsx(table(name, usable(definition))), XLSX, name + ".xlsx");
    }

    @GetMapping("/reports/export.csv")
    ResponseEntity<byte[]> csv(@ModelAttribute ReportDefinition definition, BindingResult ignoredBadParameters,
                               @RequestParam(defaultValue = "report") String name,
                               @RequestParam(defaultValue = "utf-8") String charset) {
        boolean gbk = "gbk".equalsIgnoreCase(charset);
        TableExport.Table table = table(name, usable(definition));
        return download(gbk ? TableExport.csvGbk(table) : TableExport.csvUtf8(table),
                new MediaType("text", "csv", gbk ? TableExport.GBK : StandardCharsets.UTF_8), name + ".csv");
    }

    private String show(CustomReports.SavedReport saved, ReportDefinition definition, Model model)
            throws JsonProcessingException {
        List<CustomReports.ReportRow> rows = reports.run(definition);
        List<Map<String, Object>> chartRows = rows.stream()
                .map(row -> Map.<String, Object>of("label", label(definition, row.key()),
                        "value", row.value() == null ? 0 : row.value()))
                .toList();
        String measureLabel = text("pactum.reporting.measure." + definition.measure());
        model.addAttribute("saved", saved);
        model.addAttribute("mine", saved != null && saved.owner().equals(currentUser.username()));
        model.addAttribute("rows", rows);
        model.addAttribute("labels", rows.stream().map(row -> label(definition, row.key())).toList());
        model.addAttribute("measureLabel", measureLabel);
        model.addAttribute("data", DashboardPage.scriptSafe(json.writeValueAsString(Map.of(
                "chart", definition.chart(), "measureLabel", measureLabel, "rows", chartRows))));
        model.addAttribute("query", query(definition));
        model.addAttribute("dimensions", ReportDefinition.DIMENSIONS);
        model.addAttribute("measures", ReportDefinition.MEASURES);
        model.addAttribute("charts", ReportDefinition.CHARTS);
        model.addAttribute("statuses", ContractStatus.values());
        model.addAttribute("types", ContractType.values());
        model.addAttribute("groups", currentUser.groups());
        return "report";
    }

    /** Types and statuses read in the reader's language; customers, months and owners as they are. */
    private String label(ReportDefinition definition, String key) {
        return switch (definition.dimension()) {
            case "type" -> text("pactum.workspace.type." + key);
            case "status" -> text("pactum.workspace.status." + key);
            default -> key;
        };
    }

    private TableExport.Table table(String name, ReportDefinition definition) {
        List<List<Object>> values = new ArrayList<>();
        for (CustomReports.ReportRow row : reports.run(definition)) {
            values.add(Arrays.asList(label(definition, row.key()), row.contracts(), row.value()));
        }
        return new TableExport.Table(name.length() > 31 ? name.substring(0, 31) : name,
                List.of(text("pactum.reporting.dimension." + definition.dimension()),
                        text("pactum.workspace.dashboard.column.count"),
                        text("pactum.reporting.measure." + definition.measure())), values);
    }

    static String query(ReportDefinition d) {
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance()
                .queryParam("dimension", d.dimension()).queryParam("measure", d.measure())
                .queryParam("chart", d.chart());
        if (d.status() != null) {
            uri.queryParam("status", d.status());
        }
        if (d.type() != null) {
            uri.queryParam("type", d.type());
        }
        if (d.from() != null) {
            uri.queryParam("from", d.from());
        }
        if (d.to() != null) {
            uri.queryParam("to", d.to());
        }
        return uri.encode().build().getQuery();
    }

    private ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private String text(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, key, locale);
    }
}
