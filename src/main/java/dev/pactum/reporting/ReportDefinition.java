package dev.pactum.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.ContractType;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A custom report (自定义报表) without code: group the visible contracts by one dimension, measure each group, filter
 * by status, type and creation dates, draw it as a chart. Unknown dimension, measure or chart values fall back to the
 * first of each list, so a hand-edited link still shows a report.
 *
 * @param from created on or after (company zone)
 * @param to   created on or before (company zone)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportDefinition(String dimension, String measure, String chart, ContractStatus status, ContractType type,
                               @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    public static final List<String> DIMENSIONS = List.of("customer", "month", "quarter", "type", "status", "owner");
    public static final List<String> MEASURES = List.of("count", "sumAmount", "avgAmount", "cycleHours");
    public static final List<String> CHARTS = List.of("bar", "line", "pie", "table");

    public ReportDefinition {
        dimension = oneOf(DIMENSIONS, dimension);
        measure = oneOf(MEASURES, measure);
        chart = oneOf(CHARTS, chart);
    }

    private static String oneOf(List<String> choices, String value) {
        return value != null && choices.contains(value) ? value : choices.get(0);
    }
}
