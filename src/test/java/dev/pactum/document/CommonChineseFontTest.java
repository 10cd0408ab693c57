package dev.pactum.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kept cut of Droid Sans Fallback against the full font, and which of the two a document embeds. */
class CommonChineseFontTest {

    private static TrueTypeFont full;
    private static TrueTypeFont common;

    @BeforeAll
    static void parseBoth() throws Exception {
        full = CommonChineseFont.parse(CommonChineseFont.FULL);
        common = CommonChineseFont.parse(CommonChineseFont.COMMON);
    }

    @Test
    void theCutMapsExactlyTheCommonCharactersTheFullFontHas() throws Exception {
        CmapLookup fullCmap = full.getUnicodeCmapLookup();
        CmapLookup commonCmap = common.getUnicodeCmapLookup();
        Set<Integer> expected = new HashSet<>();
        for (int c : CommonChineseFont.characters()) {
            if (fullCmap.getGlyphId(c) != 0) {
                expected.add(c);
            }
        }
        Set<Integer> mapped = new HashSet<>();
        for (int c = 0; c <= 0xFFFF; c++) {
            if (commonCmap.getGlyphId(c) != 0) {
                mapped.add(c);
            }
        }
        assertThat(expected).hasSizeGreaterThan(7_000).contains((int) '合', (int) '甲', (int) '￥', (int) '（');
        assertThat(mapped).isEqualTo(expected);
        assertThat(common.getNumberOfGlyphs()).isLessThan(full.getNumberOfGlyphs() / 3);
    }

    @Test
    void everyCharacterKeepsItsOutlineAndWidth() throws Exception {
        CmapLookup fullCmap = full.getUnicodeCmapLookup();
        CmapLookup commonCmap = common.getUnicodeCmapLookup();
        List<String> different = new ArrayList<>();
        for (int c : CommonChineseFont.characters()) {
            int fullGid = fullCmap.getGlyphId(c);
            if (fullGid == 0) {
                continue;
            }
            int commonGid = commonCmap.getGlyphId(c);
            if (full.getAdvanceWidth(fullGid) != common.getAdvanceWidth(commonGid)
                    || !outline(full, fullGid).equals(outline(common, commonGid))) {
                different.add(new String(Character.toChars(c)));
            }
        }
        assertThat(different).isEmpty();
    }

    @Test
    void aContractInCommonCharactersEmbedsTheCutAndOneWithARareCharacterAlsoTheFullFont() throws Exception {
        PdfRenderer renderer = new PdfRenderer();
        String usualXhtml = new ContractTemplates().renderXhtml("sales-standard", SampleContracts.sales());
        // 堃 (U+5803) is in GBK but not in GB 2312: a character people do have in their names.
        String rareXhtml = usualXhtml.replace("</body>", "<p>联系人：王堃</p></body>");
        assertThat(rareXhtml).isNotEqualTo(usualXhtml);

        assertThat(embeddedFonts(renderer.toPdf(usualXhtml))).hasSize(2);
        byte[] rare = renderer.toPdf(rareXhtml);
        assertThat(embeddedFonts(rare)).hasSize(3);
        try (PDDocument document = Loader.loadPDF(rare)) {
            assertThat(new PDFTextStripper().getText(document)).contains("联系人：王堃");
        }
    }

    private static Set<String> embeddedFonts(byte[] pdf) throws Exception {
        Set<String> names = new HashSet<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    names.add(page.getResources().getFont(name).getName());
                }
            }
        }
        return names;
    }

    private static List<Float> outline(TrueTypeFont font, int gid) throws Exception {
        GlyphData glyph = font.getGlyph().getGlyph(gid);
        List<Float> points = new ArrayList<>();
        if (glyph == null) {
            return points;
        }
        GeneralPath path = glyph.getPath();
        float[] segment = new float[6];
        for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(segment);
            points.add((float) type);
            for (int i = 0; i < 6; i++) {
                points.add(segment[i]);
            }
        }
        return points;
    }
}
