package dev.pactum.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A table (header and rows of text or numbers) as a spreadsheet or as CSV. CSV comes as UTF-8 with a byte order
 * mark (Excel then reads it as UTF-8) or as GBK, which Excel on a Chinese Windows reads without being told.
 */
public final class TableExport {

    public static final Charset GBK = Charset.forName("GBK");

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private TableExport() {
    }

    /** A table: its header and its rows; a cell is a String, a Number or null. */
    public record Table(String sheetName, List<String> header, List<List<Object>> rows) {
    }

    public static byte[] xlsx(Table table) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(table.sheetName());
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < table.header().size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(table.header().get(i));
                cell.setCellStyle(bold);
            }
            int rowIndex = 1;
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(rowIndex++);
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    if (value instanceof Number number) {
                        Cell cell = row.createCell(i);
                        cell.setCellValue(number.doubleValue());
                        cell.setCellStyle(money);
                    } else if (value != null) {
                        row.createCell(i).setCellValue(value.toString());
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UTF-8 with a byte order mark. */
    public static byte[] csvUtf8(Table table) {
        byte[] text = csv(table).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[UTF8_BOM.length + text.length];
        System.arraycopy(UTF8_BOM, 0, withBom, 0, UTF8_BOM.length);
        System.arraycopy(text, 0, withBom, UTF8_BOM.length, text.length);
        return withBom;
    }

    /** GBK; a character GBK lacks (an emoji, say) becomes "?". */
    public static byte[] csvGbk(Table table) {
        CharsetEncoder encoder = GBK.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(new byte[] {'?'});
        try {
            ByteBuffer bytes = encoder.encode(CharBuffer.wrap(csv(table)));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("GBK encoding with replacement cannot fail", e);
        }
    }

    /** RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break. */
    static String csv(Table table) {
        StringBuilder out = new StringBuilder();
        line(out, table.header());
        table.rows().forEach(row -> line(out, row));
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(values.get(i)));
        }
        out.append("\r\n");
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        // A spreadsheet would run text starting like a formula; a leading quote keeps it text.
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
