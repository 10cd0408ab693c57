package dev.pactum.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Makes {@code src/main/resources/fonts/DroidSansFallbackCommon.ttf}, the cut of Droid Sans Fallback that
 * {@link PdfRenderer} embeds first: every character of GB 2312 with CJK punctuation and the full-width forms, their
 * glyphs (and the components of composite ones) unchanged. Made once and kept in the repository, because cutting
 * 12,839 glyphs out of 49,382 with PDFBox's subsetter takes seconds that every start-up would otherwise pay.
 * Run from the project root after changing {@link #characters()}:
 * {@code mvn -q test-compile exec:java -Pbench -Dexec.mainClass=dev.pactum.document.CommonChineseFont};
 * {@code CommonChineseFontTest} checks the kept file against the full font.
 */
public final class CommonChineseFont {

    static final String FULL = "fonts/DroidSansFallbackFull.ttf";
    static final String COMMON = "fonts/DroidSansFallbackCommon.ttf";

    private CommonChineseFont() {
    }

    public static void main(String[] args) throws IOException {
        TTFSubsetter subsetter = new TTFSubsetter(parse(FULL));
        subsetter.addAll(characters());
        ByteArrayOutputStream out = new ByteArrayOutputStream(2 << 20);
        subsetter.writeToStream(out);
        Path target = Path.of("src/main/resources", COMMON);
        Files.write(target, out.toByteArray());
        System.out.printf("%s: %,d bytes%n", target, out.size());
    }

    /** The 7,445 characters of GB 2312 (its 6,763 Chinese characters, symbols, kana, Greek, Cyrillic, pinyin), CJK
     *  symbols and punctuation (U+3000–U+303F) and the half- and full-width forms (U+FF00–U+FFEF). */
    static Set<Integer> characters() {
        Set<Integer> characters = new TreeSet<>();
        Charset gb2312 = Charset.forName("GB2312");
        for (int row = 0xA1; row <= 0xF7; row++) {
            for (int cell = 0xA1; cell <= 0xFE; cell++) {
                String decoded = new String(new byte[] {(byte) row, (byte) cell}, gb2312);
                if (decoded.length() == 1 && decoded.charAt(0) != '\uFFFD') {
                    characters.add((int) decoded.charAt(0));
                }
            }
        }
        for (int c = 0x3000; c <= 0x303F; c++) {
            characters.add(c);
        }
        for (int c = 0xFF00; c <= 0xFFEF; c++) {
            characters.add(c);
        }
        return characters;
    }

    static TrueTypeFont parse(String resource) throws IOException {
        try (InputStream in = CommonChineseFont.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        }
    }
}
