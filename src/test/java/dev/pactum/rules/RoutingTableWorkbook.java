package dev.pactum.rules;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Wrote the first {@code rules/approval-routing.xlsx}, the routing decision table analysts edit in Excel or WPS.
 * The workbook in {@code rules/} is the source of truth from then on: run this again only to start over, as it
 * overwrites the analysts' edits. Run: {@code mvn -q test-compile exec:java -Pbench
 * -Dexec.mainClass=dev.pactum.rules.RoutingTableWorkbook}.
 */
public final class RoutingTableWorkbook {

    static final Path TABLE = Path.of("rules/approval-routing.xlsx");

    /** Merged header over the columns that test the contract, then those that test the risk assessment. */
    private static final int CONTRACT_FROM = 1;
    private static final int CONTRACT_TO = 7;
    private static final int RISK_FROM = 8;
    private static final int RISK_TO = 9;

    private static final List<String> KINDS = List.of("NAME",
            "CONDITION", "CONDITION", "CONDITION", "CONDITION", "CONDITION", "CONDITION", "CONDITION",
            "CONDITION", "CONDITION",
            "ACTION", "ACTION", "ACTION", "ACTION");

    private static final List<String> SNIPPETS = List.of("",
            "type == \"$param\"",
            "type != \"$param\"",
            "standardTemplate == $param",
            "amountCny >= $param",
            "amountCny < $param",
            "paymentTermDays > $param",
            "changedClauseIds.size() >= $param",
            "level == RiskLevel.$param",
            "level.compareTo(RiskLevel.$param) >= 0",
            "insert(new FastLane(drools.getRule().getName()));",
            "int level = $param;",
            "String group = \"$param\";",
            "insert(new ApprovalStep(level, group, ApprovalMode.ANY, $param, drools.getRule().getName()));");

    private static final List<String> LABELS = List.of(
            "规则名称（审批记录中显示）\nRule name (shown on the approval record)",
            "合同类型是\nType is\n(SALES/SERVICE/PURCHASE/NDA)",
            "合同类型不是\nType is not",
            "未修改范本\nUnmodified standard template\n(true/false)",
            "金额不低于（元）\nAmount at least (CNY, ≥)",
            "金额低于（元）\nAmount under (CNY, <)",
            "付款期限超过（天）\nPayment term over (days, >)",
            "修改条款数不少于\nChanged clauses at least",
            "风险等级为\nRisk level is\n(LOW/MEDIUM/HIGH)",
            "风险等级不低于\nRisk level at least",
            "快速通道（免审批）\nFast lane (no approver)",
            "审批级（1 最先）\nLevel (1 first)",
            "审批组\nGroup",
            "时限（小时）\nSLA (hours)");

    /** name, type is, type is not, standard, amount from, amount under, term over, changed, risk is, risk at least, fast lane, level, group, sla. */
    private static final String[][] ROWS = {
            {"Fast lane: unmodified standard template under 50,000 CNY with low risk", "", "NDA", "true", "", "50000",
                    "", "", "LOW", "", "是 yes", "", "", ""},
            {"Every contract needs a sales manager", "", "", "", "", "", "", "", "", "", "", "1", "sales-managers", "24"},
            {"Contracts of 500,000 CNY or more need legal", "", "", "", "500000", "", "", "", "", "", "", "2", "legal", "48"},
            {"Medium or high risk needs legal", "", "", "", "", "", "", "", "", "MEDIUM", "", "2", "legal", "48"},
            {"Changed clauses need legal", "", "", "", "", "", "", "1", "", "", "", "2", "legal", "48"},
            {"NDAs need legal", "NDA", "", "", "", "", "", "", "", "", "", "2", "legal", "48"},
            {"Contracts of 1,000,000 CNY or more need finance", "", "", "", "1000000", "", "", "", "", "", "", "2", "finance", "48"},
            {"Payment term over 90 days needs finance", "", "", "", "", "", "90", "", "", "", "", "2", "finance", "48"},
            {"Contracts of 5,000,000 CNY or more need a director", "", "", "", "5000000", "", "", "", "", "", "", "3", "directors", "72"},
            {"High risk needs a director", "", "", "", "", "", "", "", "", "HIGH", "", "3", "directors", "72"},
    };

    private RoutingTableWorkbook() {
    }

    public static void main(String[] args) throws IOException {
        Files.write(args.length > 0 ? Path.of(args[0]) : TABLE, workbook());
    }

    static byte[] workbook() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); var bytes = new java.io.ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("审批路由 Approval routing");
            CellStyle bold = style(book, true, null);
            CellStyle header = style(book, true, IndexedColors.LIGHT_CORNFLOWER_BLUE);
            CellStyle code = style(book, false, IndexedColors.GREY_25_PERCENT);
            CellStyle data = style(book, false, null);
            data.setBorderBottom(BorderStyle.THIN);

            text(sheet, 0, 0, "RuleSet", bold);
            text(sheet, 0, 1, ApprovalRoutingPackage.NAME, null);
            text(sheet, 1, 0, "Import", bold);
            text(sheet, 1, 1, "dev.pactum.policy.ContractFacts, dev.pactum.risk.RiskAssessment, dev.pactum.risk.RiskLevel, "
                    + "dev.pactum.approval.ApprovalStep, dev.pactum.approval.ApprovalMode, dev.pactum.approval.FastLane", null);
            text(sheet, 2, 0, "Notes", bold);
            text(sheet, 2, 1, "审批路由阈值与审批组：每行一条规则，空白单元格表示不限。金额以人民币计。同一级有多个审批组时为会签（并行，全部同意），"
                    + "只有一个审批组时为或签。请只修改第 11 行起的白色单元格；灰色行是规则代码。修改后在 rules/fixtures 中更新预期结果。", null);
            text(sheet, 3, 1, "Approval thresholds and groups: one rule per row, a blank cell means \"any\". Amounts in CNY. "
                    + "Several groups on one level countersign (会签, in parallel, all approve); one group is 或签. "
                    + "Edit only the white cells from row 11; grey rows are rule code. Update rules/fixtures when you change a threshold.", null);

            text(sheet, 5, 0, "RuleTable 审批路由 Approval routing", bold);
            for (int column = 0; column < KINDS.size(); column++) {
                text(sheet, 6, column, KINDS.get(column), code);
                text(sheet, 8, column, SNIPPETS.get(column), code);
                text(sheet, 9, column, LABELS.get(column), header);
                sheet.setColumnWidth(column, column == 0 ? 60 * 256 : 20 * 256);
            }
            // Drools reads a pattern's object type from the first cell of a merged range; every cell must exist.
            for (int column = 0; column < KINDS.size(); column++) {
                text(sheet, 7, column, column == CONTRACT_FROM ? "ContractFacts"
                        : column == RISK_FROM ? "RiskAssessment" : "", code);
            }
            sheet.addMergedRegion(new CellRangeAddress(7, 7, CONTRACT_FROM, CONTRACT_TO));
            sheet.addMergedRegion(new CellRangeAddress(7, 7, RISK_FROM, RISK_TO));
            sheet.getRow(9).setHeightInPoints(62);
            for (int i = 0; i < ROWS.length; i++) {
                for (int column = 0; column < ROWS[i].length; column++) {
                    text(sheet, 10 + i, column, ROWS[i][column], data);
                }
            }
            sheet.createFreezePane(1, 10);
            book.write(bytes);
            return bytes.toByteArray();
        }
    }

    private static CellStyle style(XSSFWorkbook book, boolean bold, IndexedColors fill) {
        CellStyle style = book.createCellStyle();
        Font font = book.createFont();
        font.setBold(bold);
        style.setFont(font);
        style.setWrapText(true);
        if (fill != null) {
            style.setFillForegroundColor(fill.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        return style;
    }

    private static void text(Sheet sheet, int rowIndex, int column, String value, CellStyle style) {
        Row row = sheet.getRow(rowIndex) == null ? sheet.createRow(rowIndex) : sheet.getRow(rowIndex);
        Cell cell = row.createCell(column);
        if (!value.isEmpty()) {
            cell.setCellValue(value);
        }
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static final class ApprovalRoutingPackage {
        static final String NAME = "dev.pactum.approval.routing";
    }

    /** Writes a workbook to {@code out}; used by tests that need a table of their own. */
    static void write(OutputStream out) throws IOException {
        out.write(workbook());
    }
}
