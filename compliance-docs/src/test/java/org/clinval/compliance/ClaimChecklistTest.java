package org.clinval.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLAIM 2024 checklist of the demo run: its 44 items each with one of three statuses, the items
 * the records answer wholly or in part (and only those) with numbers traced to the records, a
 * partly answered item's part for the manufacturer kept apart from the records' and free of their
 * numbers, a summary that counts the item tables, sections named as the other documents number
 * them, a run without subgroup analyses leaving the subgroup items to the manufacturer, and the
 * same content when written again.
 */
class ClaimChecklistTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ANSWERED = "answered";
    static final String PARTLY = "partly answered";
    static final String TO_COMPLETE = "manufacturer to complete";

    /** A section of another document named in a row: "510(k) performance section §2.2 ". */
    static final Pattern SECTION =
            Pattern.compile("(510\\(k\\) performance section|Model card) §(\\d+(?:\\.\\d+)?) ");

    /** A partly answered row: what the records give, then what the manufacturer must write. */
    static final Pattern PARTS = Pattern.compile("Records: (.+\\.) To complete: (.+\\.)");

    /** The demo run's items the records answer wholly, and in part. */
    static final List<Integer> DEMO_ANSWERED = List.of(4, 6, 28, 29, 38, 42);

    static final List<Integer> DEMO_PARTLY = List.of(35, 36, 37, 39);

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
        return ComplianceDocs.write(run, ComplianceDocs.Kind.CLAIM, out);
    }

    @Test
    void itHasTheFortyFourItemsInOrderEachWithAStatus() throws Exception {
        Path docx = write(dir.resolve("docs"));
        assertThat(docx.getFileName().toString()).isEqualTo("claim-checklist.docx");
        Map<Integer, String[]> items = items(docx);
        assertThat(items.keySet()).containsExactlyElementsOf(range(1, 44));
        for (var e : items.entrySet()) {
            assertThat(e.getValue()[1])
                    .as("item %d", e.getKey())
                    .isIn(ANSWERED, PARTLY, TO_COMPLETE);
            assertThat(e.getValue()[0]).as("item %d", e.getKey()).isNotBlank();
            assertThat(e.getValue()[2]).as("item %d", e.getKey()).isNotBlank();
        }
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx));
                XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            List<String> headings = new ArrayList<>();
            for (XWPFParagraph p : d.getParagraphs()) {
                if ("Heading1".equals(p.getStyle())) headings.add(p.getText());
            }
            assertThat(headings)
                    .containsExactly(
                            "1  Summary",
                            "2  Title and abstract",
                            "3  Introduction",
                            "4  Methods",
                            "5  Results",
                            "6  Discussion",
                            "7  Other information",
                            "8  Appendix: computation records");
            String text = x.getText();
            assertThat(text).contains("For the manufacturer to complete: items 1, 2 of the table");
            // The notes name the partly answered items too, apart from those left wholly.
            assertThat(text)
                    .contains(
                            "For the manufacturer to complete: what remains of items 35, 36"
                                    + " (partly answered) of the table above")
                    .contains(
                            "For the manufacturer to complete: what remains of items 37, 39"
                                    + " (partly answered) of the table above");
            assertThat(text).doesNotContain("NaN").doesNotContain("{Table:");
        }
    }

    @Test
    void theRecordsAnswerOnlyWhatTheyHoldAndTheirNumbersTrace() throws Exception {
        Path docx = write(dir.resolve("docs"));
        Map<Integer, String[]> items = items(docx);
        // Objectives and goal (the pre-specified endpoints), metrics, uncertainty, estimates, the
        // protocol: wholly. The cases analysed, the test set's demographics, its performance
        // overall and by subgroup, its failures: in part — the run holds neither the exclusions
        // before the study, nor the development partitions, nor a clinical review of the failures.
        assertThat(withStatus(items, ANSWERED)).containsExactlyElementsOf(DEMO_ANSWERED);
        assertThat(withStatus(items, PARTLY)).containsExactlyElementsOf(DEMO_PARTLY);
        List<Integer> rest = range(1, 44);
        rest.removeAll(DEMO_ANSWERED);
        rest.removeAll(DEMO_PARTLY);
        assertThat(withStatus(items, TO_COMPLETE)).containsExactlyElementsOf(rest);
        // Items whose answer is a value of the run carry it with its reference.
        for (int n : List.of(28, 29, 38)) {
            assertThat(items.get(n)[2]).as("item %d", n).containsPattern("\\d \\[R\\d+]");
        }
        // An answered item is all records; a partly answered one shows the records' part with its
        // references, then the manufacturer's, which holds no number of the run.
        for (int n : DEMO_ANSWERED) {
            assertThat(items.get(n)[2]).as("item %d", n).doesNotContain("To complete:");
        }
        for (int n : DEMO_PARTLY) {
            Matcher m = PARTS.matcher(items.get(n)[2]);
            assertThat(m.matches()).as("item %d: %s", n, items.get(n)[2]).isTrue();
            assertThat(m.group(1)).as("item %d", n).containsPattern("\\d \\[R\\d+]");
            assertThat(m.group(2))
                    .as("item %d", n)
                    .doesNotContain("[R", "Records:", "To complete:");
        }
        assertThat(items.get(38)[2])
                .contains("Sensitivity 0.986 [R", "(0.949–0.998) [R", "AUC 0.997 [R");
        assertThat(records(items, 35)).contains("400 [R");
        assertThat(toComplete(items, 35)).contains("flow diagram");
        assertThat(records(items, 36)).contains("test set by sex", "age band");
        assertThat(toComplete(items, 36)).contains("training and tuning partitions");
        assertThat(records(items, 37)).contains("age band <40 (n ");
        assertThat(toComplete(items, 37)).contains("training and tuning partitions");
        assertThat(records(items, 39)).contains("false negatives", "example cases");
        assertThat(toComplete(items, 39)).contains("clinical review");
        assertThat(items.get(42)[2]).contains("CLV-DEMO-001", "SHA-256 ");
        // What the records cannot say is never answered: the truthing, the development data.
        for (int n : List.of(1, 2, 3, 14, 16, 18, 19, 20, 22, 25, 32, 33, 40, 41, 43, 44)) {
            assertThat(items.get(n)[1]).as("item %d", n).isEqualTo(TO_COMPLETE);
        }
        // The partly answered items' numbers are checked against the records with the rest.
        PerformanceSection510kTest.assertEveryCitedNumberIsTheRecords(docx, run, 15);
    }

    @Test
    void theSummaryCountsTheItemTables() throws Exception {
        Path docx = write(dir.resolve("docs"));
        Map<Integer, String[]> items = items(docx);
        List<String> statuses = List.of(ANSWERED, PARTLY, TO_COMPLETE);
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx))) {
            XWPFTable summary = d.getTables().get(0);
            assertThat(summary.getRow(0).getTableCells().stream().map(c -> c.getText()))
                    .containsExactly(
                            "Section",
                            "Items",
                            "Table",
                            "Answered",
                            "Partly answered",
                            "Manufacturer to complete");
            List<XWPFTableRow> rows = summary.getRows();
            XWPFTableRow total = rows.get(rows.size() - 1);
            assertThat(total.getCell(0).getText()).isEqualTo("All sections");
            assertThat(total.getCell(1).getText()).isEqualTo("1–44");
            int[] sums = new int[3];
            for (XWPFTableRow r : rows.subList(1, rows.size() - 1)) {
                String[] span = r.getCell(1).getText().split("–");
                int from = Integer.parseInt(span[0]);
                int to = Integer.parseInt(span[span.length - 1]);
                for (int s = 0; s < 3; s++) {
                    long inTable = 0;
                    for (int n = from; n <= to; n++) {
                        if (items.get(n)[1].equals(statuses.get(s))) inTable++;
                    }
                    assertThat(r.getCell(3 + s).getText())
                            .as("%s, %s", r.getCell(0).getText(), statuses.get(s))
                            .isEqualTo("" + inTable);
                    sums[s] += Integer.parseInt(r.getCell(3 + s).getText());
                }
                assertThat(r.getCell(2).getText()).startsWith("Table ");
            }
            for (int s = 0; s < 3; s++) {
                String status = statuses.get(s);
                long all = items.values().stream().filter(r -> r[1].equals(status)).count();
                assertThat(total.getCell(3 + s).getText()).as(status).isEqualTo("" + all);
                assertThat(sums[s]).as(status).isEqualTo((int) all);
            }
            assertThat(total.getCell(3).getText()).isEqualTo("" + DEMO_ANSWERED.size());
            assertThat(total.getCell(4).getText()).isEqualTo("" + DEMO_PARTLY.size());
            assertThat(sums[0] + sums[1] + sums[2]).isEqualTo(44);
            assertThat(rows.subList(1, rows.size() - 1).stream().map(r -> r.getCell(0).getText()))
                    .containsExactly(
                            "Title and abstract",
                            "Introduction",
                            "Methods: study design",
                            "Methods: data",
                            "Methods: reference standard",
                            "Methods: data partitions",
                            "Methods: testing data",
                            "Methods: model",
                            "Methods: training",
                            "Methods: evaluation",
                            "Results: data",
                            "Results: model performance",
                            "Discussion",
                            "Other information");
        }
    }

    @Test
    void theSectionsItNamesAreThoseTheOtherDocumentsHave() throws Exception {
        Path docx = write(dir.resolve("docs"));
        Map<String, Map<String, String>> headings = new HashMap<>();
        headings.put(
                "510(k) performance section",
                headings(ComplianceDocs.write(run, ComplianceDocs.Kind.FDA_510K, dir)));
        headings.put(
                "Model card",
                headings(ComplianceDocs.write(run, ComplianceDocs.Kind.MODEL_CARD, dir)));
        int named = 0;
        for (String[] row : items(docx).values()) {
            Matcher m = SECTION.matcher(row[2]);
            while (m.find()) {
                String heading = headings.get(m.group(1)).get(m.group(2));
                assertThat(heading)
                        .as("%s §%s in '%s'", m.group(1), m.group(2), row[2])
                        .isNotNull();
                assertThat(row[2].substring(m.end())).as(row[2]).startsWith(heading);
                named++;
            }
        }
        assertThat(named).isGreaterThan(20);
        assertThat(items(docx).get(35)[2]).contains("510(k) performance section §2 Test data");
    }

    @Test
    void aRunWithoutSubgroupAnalysesLeavesTheSubgroupItemsToTheManufacturer() throws Exception {
        ObjectNode m = (ObjectNode) JSON.readTree(run.resolve("metrics.json").toFile());
        m.remove("subgroups");
        JSON.writeValue(run.resolve("metrics.json").toFile(), m);
        Map<Integer, String[]> items = items(write(dir.resolve("docs")));
        assertThat(items.get(37)[1]).isEqualTo(TO_COMPLETE);
        assertThat(items.get(37)[2]).contains("no subgroup analysis");
        assertThat(items.get(37)[2]).doesNotContain("Records:", "To complete:");
        assertThat(items.get(36)[1]).isEqualTo(TO_COMPLETE);
        assertThat(items.get(36)[2]).contains("no breakdown by sex or age");
        assertThat(items.get(30)[2]).doesNotContain("by site and scanner");
        // The rest of the records still answer what they did, wholly or in part.
        assertThat(withStatus(items, ANSWERED)).containsExactlyElementsOf(DEMO_ANSWERED);
        assertThat(withStatus(items, PARTLY)).containsExactly(35, 39);
    }

    @Test
    void writingItAgainGivesTheSameContent() throws Exception {
        Path one = write(dir.resolve("one"));
        Path two = write(dir.resolve("two"));
        assertThat(entry(two, "word/document.xml")).isEqualTo(entry(one, "word/document.xml"));
        assertThat(entry(two, "word/styles.xml")).isEqualTo(entry(one, "word/styles.xml"));
        assertThat(ComplianceDocs.Kind.of("claim")).isEqualTo(ComplianceDocs.Kind.CLAIM);
    }

    // ---- the test's own reading of the document ----

    /** Item number → {item text, status, where answered / what to complete}. */
    private static Map<Integer, String[]> items(Path docx) throws Exception {
        Map<Integer, String[]> out = new LinkedHashMap<>();
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx))) {
            for (XWPFTable t : d.getTables()) {
                if (!t.getRow(0).getCell(0).getText().equals("No.")) continue;
                assertThat(t.getRow(0).getTableCells()).hasSize(4);
                for (XWPFTableRow r : t.getRows().subList(1, t.getRows().size())) {
                    int n = Integer.parseInt(r.getCell(0).getText());
                    String[] prev =
                            out.put(
                                    n,
                                    new String[] {
                                        r.getCell(1).getText(),
                                        r.getCell(2).getText(),
                                        r.getCell(3).getText()
                                    });
                    assertThat(prev).as("item %d twice", n).isNull();
                }
            }
        }
        return out;
    }

    /** The numbers of the items with {@code status}, in order. */
    private static List<Integer> withStatus(Map<Integer, String[]> items, String status) {
        List<Integer> out = new ArrayList<>();
        items.forEach(
                (n, row) -> {
                    if (row[1].equals(status)) out.add(n);
                });
        return out;
    }

    /** What the records give toward partly answered item {@code n}. */
    private static String records(Map<Integer, String[]> items, int n) {
        Matcher m = PARTS.matcher(items.get(n)[2]);
        assertThat(m.matches()).as("item %d: %s", n, items.get(n)[2]).isTrue();
        return m.group(1);
    }

    /** What remains for the manufacturer to write of partly answered item {@code n}. */
    private static String toComplete(Map<Integer, String[]> items, int n) {
        Matcher m = PARTS.matcher(items.get(n)[2]);
        assertThat(m.matches()).as("item %d: %s", n, items.get(n)[2]).isTrue();
        return m.group(2);
    }

    /** Section number → heading text, as the writer numbered them ("2.2" → "Reference …"). */
    private static Map<String, String> headings(Path docx) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx))) {
            for (XWPFParagraph p : d.getParagraphs()) {
                if (p.getStyle() == null || !p.getStyle().startsWith("Heading")) continue;
                String[] numAndText = p.getText().split("  ", 2);
                out.put(numAndText[0], numAndText[1]);
            }
        }
        return out;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i <= to; i++) out.add(i);
        return out;
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
