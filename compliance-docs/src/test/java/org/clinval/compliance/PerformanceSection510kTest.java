package org.clinval.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 510(k) section of the demo study's run (its records copied into the test resources): every
 * number in its tables is found in {@code metrics.json} or recounted from the per-case results by
 * this test, through the reference printed beside it; a changed metric changes the document;
 * writing it again gives the same content; the document has the structure a writer expects.
 */
class PerformanceSection510kTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A number, or an interval of two, followed by its reference. */
    static final Pattern CITED =
            Pattern.compile("(?:\\(([-0-9.]+)–([-0-9.]+)\\)|([-0-9.]+|undefined)) \\[R(\\d+)]");

    @TempDir Path dir;
    Path run;

    @BeforeEach
    void copyRun() throws Exception {
        run = Files.createDirectories(dir.resolve("run"));
        for (String f :
                List.of("metrics.json", "case-results.csv", "protocol.yaml", "run-seal.json")) {
            try (InputStream in = getClass().getResourceAsStream("/demo-run/" + f)) {
                Files.copy(in, run.resolve(f));
            }
        }
    }

    private Path write(Path out) throws Exception {
        return ComplianceDocs.write(run, ComplianceDocs.Kind.FDA_510K, out);
    }

    @Test
    void everyNumberInItsTablesIsTheRecordsNumber() throws Exception {
        assertEveryCitedNumberIsTheRecords(write(dir.resolve("docs")), run, 150);
    }

    /**
     * Every number of {@code docx}'s tables with a reference [Rn] equals what the record the
     * appendix names for Rn holds, read by this test; every decimal of the result tables has one.
     */
    static void assertEveryCitedNumberIsTheRecords(Path docx, Path run, int atLeast)
            throws Exception {
        Map<String, JsonNode> json = new HashMap<>();
        List<String[]> cases =
                Files.exists(run.resolve("case-results.csv"))
                        ? csv(run.resolve("case-results.csv"))
                        : List.of();
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx))) {
            List<XWPFTable> tables = d.getTables();
            Map<String, String[]> records = new HashMap<>();
            // The appendix lists each reference: id, file, key.
            XWPFTable appendix = tables.get(tables.size() - 2);
            for (XWPFTableRow r : appendix.getRows().subList(1, appendix.getRows().size())) {
                records.put(
                        r.getCell(0).getText(),
                        new String[] {r.getCell(1).getText(), r.getCell(2).getText()});
            }
            assertThat(records).hasSizeGreaterThan(atLeast / 4);
            int checked = 0;
            for (XWPFTable t : tables.subList(0, tables.size() - 2)) {
                for (XWPFTableRow row : t.getRows().subList(1, t.getRows().size())) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        String text = cell.getText();
                        Matcher m = CITED.matcher(text);
                        while (m.find()) {
                            String[] rec = records.get("R" + m.group(4));
                            assertThat(rec)
                                    .as("reference R%s of '%s'", m.group(4), text)
                                    .isNotNull();
                            if (rec[0].endsWith(".json")) {
                                JsonNode record = json.get(rec[0]);
                                if (record == null) {
                                    record = JSON.readTree(run.resolve(rec[0]).toFile());
                                    json.put(rec[0], record);
                                }
                                JsonNode v = record.at(rec[1]);
                                assertThat(v.isMissingNode()).as(rec[1]).isFalse();
                                if (m.group(1) != null) {
                                    assertClose(m.group(1), v.get(0), rec[1]);
                                    assertClose(m.group(2), v.get(1), rec[1]);
                                } else {
                                    assertClose(m.group(3), v, rec[1]);
                                }
                            } else {
                                assertThat(m.group(3)).as(rec[1]).isEqualTo(recount(cases, rec[1]));
                            }
                            checked++;
                        }
                    }
                }
            }
            assertThat(checked).as("cited numbers checked").isGreaterThan(atLeast);
            // Every decimal in the results, accuracy and subgroup tables carries a reference.
            for (XWPFTable t : tables) {
                String caption = captionBefore(d, t);
                if (!caption.matches(
                        ".*(Endpoints: estimates|Accuracy|Performance by|Confusion).*")) continue;
                for (XWPFTableRow row : t.getRows().subList(1, t.getRows().size())) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        String stripped = CITED.matcher(cell.getText()).replaceAll("");
                        assertThat(stripped)
                                .as("%s: %s", caption, cell.getText())
                                .doesNotContainPattern("\\d\\.\\d");
                    }
                }
            }
        }
    }

    @Test
    void aChangedMetricChangesTheDocument() throws Exception {
        Path before = write(dir.resolve("before"));
        ObjectNode m = (ObjectNode) JSON.readTree(run.resolve("metrics.json").toFile());
        ((ObjectNode) m.at("/accuracy/sensitivity")).put("estimate", 0.5);
        JSON.writeValue(run.resolve("metrics.json").toFile(), m);
        Path after = write(dir.resolve("after"));
        String a = text(before);
        String b = text(after);
        assertThat(a).isNotEqualTo(b);
        assertThat(a).contains("0.986 [R");
        assertThat(b).contains("0.500 [R");
    }

    @Test
    void writingItAgainGivesTheSameContent() throws Exception {
        Path one = write(dir.resolve("one"));
        Path two = write(dir.resolve("two"));
        assertThat(entry(two, "word/document.xml")).isEqualTo(entry(one, "word/document.xml"));
        assertThat(entry(two, "word/styles.xml")).isEqualTo(entry(one, "word/styles.xml"));
    }

    @Test
    void itHasHeadingsAContentsFieldCaptionsAndCrossReferences() throws Exception {
        Path docx = write(dir.resolve("docs"));
        String xml = new String(entry(docx, "word/document.xml"), StandardCharsets.UTF_8);
        String styles = new String(entry(docx, "word/styles.xml"), StandardCharsets.UTF_8);
        assertThat(styles)
                .contains(
                        "w:styleId=\"Heading1\"",
                        "w:styleId=\"Heading2\"",
                        "w:styleId=\"Caption\"");
        assertThat(xml)
                .contains("TOC \\o \"1-2\"", "SEQ Table", "REF _Ref_results", "w:bookmarkStart");
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx))) {
            List<String> headings = new ArrayList<>();
            for (XWPFParagraph p : d.getParagraphs()) {
                if ("Heading1".equals(p.getStyle())) headings.add(p.getText());
            }
            assertThat(headings)
                    .containsExactly(
                            "1  Device and intended use",
                            "2  Test data",
                            "3  Study design, endpoints and acceptance criteria",
                            "4  Results",
                            "5  Subgroup analyses",
                            "6  Failure-mode analysis",
                            "7  Conclusion",
                            "8  Appendix A: computation records");
            String all = text(docx);
            assertThat(all)
                    .contains(
                            "For the manufacturer to complete: how the test cases were kept apart");
            assertThat(all).doesNotContain("NaN").doesNotContain(run.toString());
            assertThat(all).contains("Intended use: Second-reader support for radiologists");
        }
    }

    @Test
    void aFolderThatIsNotAFinishedRunIsNamed() {
        assertThatThrownBy(() -> ComplianceDocs.write(dir, ComplianceDocs.Kind.FDA_510K, dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a finished study run folder: no metrics.json");
        assertThatThrownBy(() -> ComplianceDocs.Kind.of("cer"))
                .hasMessageContaining("no document kind cer");
    }

    // ---- the test's own reading: independent of the writer ----

    private static void assertClose(String printed, JsonNode value, String key) {
        assertThat(value).as(key).isNotNull();
        if (printed.equals("undefined")) {
            assertThat(value.isNumber()).as(key + " is undefined in the record").isFalse();
            return;
        }
        if (value.isIntegralNumber()) {
            assertThat(printed).as(key).isEqualTo(value.asText());
        } else {
            int decimals = printed.length() - printed.indexOf('.') - 1;
            assertThat(Math.abs(Double.parseDouble(printed) - value.asDouble()))
                    .as("%s printed %s, recorded %s", key, printed, value)
                    .isLessThanOrEqualTo(0.5 * Math.pow(10, -decimals) + 1e-12);
        }
    }

    /** Counts or values the document says it read off the per-case results. */
    private static String recount(List<String[]> cases, String key) {
        String[] h = cases.get(0);
        int label = index(h, "label");
        int pred = index(h, "prediction");
        if (key.startsWith("false negatives")) {
            return String.valueOf(
                    cases.subList(1, cases.size()).stream()
                            .filter(r -> r[label].equals("1") && r[pred].equals("0"))
                            .count());
        }
        if (key.startsWith("false positives")) {
            return String.valueOf(
                    cases.subList(1, cases.size()).stream()
                            .filter(r -> r[label].equals("0") && r[pred].equals("1"))
                            .count());
        }
        String[] k = key.split("/");
        for (String[] r : cases) {
            if (r[0].equals(k[0])) {
                return String.format(
                        java.util.Locale.ROOT, "%.3f", Double.parseDouble(r[index(h, k[1])]));
            }
        }
        throw new AssertionError("no case " + k[0]);
    }

    private static int index(String[] header, String column) {
        for (int i = 0; i < header.length; i++) if (header[i].equals(column)) return i;
        throw new AssertionError("no column " + column);
    }

    private static List<String[]> csv(Path f) throws Exception {
        List<String[]> out = new ArrayList<>();
        for (String l : Files.readAllLines(f)) {
            if (!l.isBlank()) out.add(l.split(",", -1));
        }
        return out;
    }

    private static String captionBefore(XWPFDocument d, XWPFTable t) {
        var body = d.getBodyElements();
        int i = body.indexOf(t);
        return i > 0 && body.get(i - 1) instanceof XWPFParagraph p ? p.getText() : "";
    }

    private static String text(Path docx) throws Exception {
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx));
                var ex = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(d)) {
            return ex.getText();
        }
    }

    private static byte[] entry(Path zip, String name) throws Exception {
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) return z.readAllBytes();
            }
        }
        throw new AssertionError("no " + name + " in " + zip);
    }
}
