package dev.pactum.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import org.springframework.stereotype.Component;

/**
 * Turns contract XHTML into PDF with openhtmltopdf. Text is set in embedded subset fonts, so it stays real text
 * (searchable, copyable) and looks the same in every reader: Droid Sans Fallback for Chinese, DejaVu Sans for
 * the Latin letters and digits Droid Sans Fallback lacks. The contract stylesheet names both families, Chinese
 * first; openhtmltopdf takes each character from the first family that has it.
 */
@Component
class PdfRenderer {

    public static final String CHINESE_FONT_FAMILY = "Droid Sans Fallback";
    public static final String LATIN_FONT_FAMILY = "DejaVu Sans";

    static {
        // openhtmltopdf logs every stylesheet parse and font load at INFO; keep its warnings (bad CSS, missing glyphs) only.
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    /** Read once: the Chinese font is 4 MB and every render needs it. */
    private final byte[] chineseFont = readFont("fonts/DroidSansFallbackFull.ttf");
    private final byte[] latinFont = readFont("fonts/DejaVuSans.ttf");

    public byte[] toPdf(String xhtml) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(() -> new ByteArrayInputStream(chineseFont), CHINESE_FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(latinFont), LATIN_FONT_FAMILY, 400, FontStyle.NORMAL, true);
        // A contract renders from its template alone: were a template or a value ever to name an http: or file:
        // URI, the server would fetch it for whoever wrote it. Only inline data: URIs resolve.
        builder.useUriResolver((base, uri) -> uri != null && uri.startsWith("data:") ? uri : null);
        builder.withHtmlContent(xhtml, null);
        builder.toStream(pdf);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render PDF", e);
        }
        return pdf.toByteArray();
    }

    private static byte[] readFont(String resource) {
        try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + resource, e);
        }
    }
}
