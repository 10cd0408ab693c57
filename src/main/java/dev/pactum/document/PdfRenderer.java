package dev.pactum.document;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFCreationListener;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.CacheStore;
import com.openhtmltopdf.resource.FSEntityResolver;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.logging.Level;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Turns contract XHTML into PDF with openhtmltopdf. Text is set in embedded subset fonts, so it stays real text
 * (searchable, copyable) and looks the same in every reader: Droid Sans Fallback for Chinese, DejaVu Sans for
 * the Latin letters and digits Droid Sans Fallback lacks. The contract stylesheet names the common characters' cut of
 * Droid Sans Fallback first, DejaVu Sans second and the full Droid Sans Fallback last; openhtmltopdf takes each
 * character from the first family that has it.
 *
 * <p>Each font is parsed once, when the renderer is made, and shared by every render: parsing the 4 MB Chinese
 * font (its cmap, metrics and glyph index) used to be most of a render's time. PDFBox parses every table of a font
 * up front and reads glyphs under its own lock, so one parsed font serves concurrent renders; each document
 * embeds only the glyphs it uses (a subset of its own). The same XHTML always renders to the same bytes: the
 * document id is derived from the XHTML and no creation time is written (the stored version keeps its time).
 */
@Component
public class PdfRenderer {

    /** Droid Sans Fallback cut down to the characters contracts are written in: see {@code commonChineseFont}. */
    public static final String COMMON_CHINESE_FONT_FAMILY = "Droid Sans Fallback Common";
    public static final String CHINESE_FONT_FAMILY = "Droid Sans Fallback";
    public static final String LATIN_FONT_FAMILY = "DejaVu Sans";

    static {
        // openhtmltopdf logs every stylesheet parse and font load at INFO; keep its warnings (bad CSS, missing glyphs) only.
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    private static final DocumentBuilderFactory XHTML_PARSERS = xhtmlParsers();
    private static final ErrorHandler FATAL_ERRORS_ONLY = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };

    private final TrueTypeFont chineseFont = parseFont("fonts/DroidSansFallbackFull.ttf");
    /**
     * Droid Sans Fallback cut down to the characters of GB 2312 (its 6,763 Chinese characters and symbols) with CJK
     * punctuation and full-width forms: 12,839 of the full font's 49,382 glyphs (components of composite glyphs
     * included), the same outlines and widths. Embedding a font in a document costs time in proportion to the glyphs
     * the whole font has (PDFBox measures every glyph's width and maps every glyph id before it keeps the few the
     * document uses), which made that the largest part of a render. The stylesheet names this font first, then DejaVu
     * Sans, then the full font, so a character outside the common set (a rare character in a name) still comes from
     * the full font with the same shape, and only a document that holds one pays for embedding it. The file is made
     * by {@code CommonChineseFont} in the tests, which also checks it against the full font.
     */
    private final TrueTypeFont commonChineseFont = parseFont("fonts/DroidSansFallbackCommon.ttf");
    private final TrueTypeFont latinFont = parseFont("fonts/DejaVuSans.ttf");
    /** Ascent, descent and the like per family, measured once instead of per document. */
    private final FSCacheEx<String, FSCacheValue> fontMetrics = new FSDefaultCacheStore();

    public byte[] toPdf(String xhtml) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        try (PDDocument document = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            builder.useCacheStore(CacheStore.PDF_FONT_METRICS, fontMetrics);
            builder.useFont(subsetOf(commonChineseFont, document), COMMON_CHINESE_FONT_FAMILY, 400, FontStyle.NORMAL,
                    true);
            builder.useFont(subsetOf(chineseFont, document), CHINESE_FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(subsetOf(latinFont, document), LATIN_FONT_FAMILY, 400, FontStyle.NORMAL, true);
            // A contract renders from its template alone: were a template or a value ever to name an http: or file:
            // URI, the server would fetch it for whoever wrote it. Only inline data: URIs resolve.
            builder.useUriResolver((base, uri) -> uri != null && uri.startsWith("data:") ? uri : null);
            builder.withW3cDocument(parseXhtml(xhtml), null);
            builder.toStream(pdf);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.setListener(new ReproducibleIdentity(xhtml));
                renderer.createPDF();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render PDF", e);
        }
        return pdf.toByteArray();
    }

    /**
     * Parsed here rather than by openhtmltopdf, which looks up and configures a new SAX parser and an identity
     * transformer for every document (a service-loader scan of the classpath each time) to build the same DOM. The
     * settings are openhtmltopdf's: namespace aware, not validating, no external entities, and DTDs served from the
     * copies in its jar (an unknown one resolves to nothing), so nothing is ever fetched.
     */
    private static Document parseXhtml(String xhtml) throws IOException {
        try {
            DocumentBuilder parser;
            synchronized (XHTML_PARSERS) {
                parser = XHTML_PARSERS.newDocumentBuilder();
            }
            parser.setEntityResolver(FSEntityResolver.instance());
            parser.setErrorHandler(FATAL_ERRORS_ONLY);
            return parser.parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalArgumentException("cannot parse the contract XHTML: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilderFactory xhtmlParsers() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe from external entities", e);
        }
        return factory;
    }

    /** The font as a subset embedded in this document, made only if the document uses the font at all. */
    private static PDFontSupplier subsetOf(TrueTypeFont font, PDDocument document) {
        return new PDFontSupplier(null) {
            @Override
            public PDFont supply() {
                try {
                    return PDType0Font.load(document, font, true);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot embed font", e);
                }
            }
        };
    }

    private static TrueTypeFont parseFont(String resource) {
        try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is missing from the classpath");
            }
            return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + resource, e);
        }
    }

    /**
     * Left alone, PDFBox writes the time into the document id and openhtmltopdf writes it as the creation date, so
     * no two renders of the same contract would have the same sha-256.
     */
    private static final class ReproducibleIdentity implements PDFCreationListener {
        private final byte[] id;

        ReproducibleIdentity(String xhtml) {
            try {
                id = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(xhtml.getBytes(StandardCharsets.UTF_8)), 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        @Override
        public void preOpen(PdfBoxRenderer renderer) {
        }

        @Override
        public void preWrite(PdfBoxRenderer renderer, int pageCount) {
        }

        @Override
        public void onClose(PdfBoxRenderer renderer) {
            PDDocument document = renderer.getPdfDocument();
            document.getDocumentInformation().setCreationDate(null);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            document.getDocument().getTrailer().setItem(COSName.ID, ids);
        }
    }
}
