package org.clinval.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.reports.demo.DemoStudy;
import org.clinval.reports.model.AuditRow;
import org.clinval.reports.model.DatasetInfo;
import org.clinval.reports.model.EndpointResult;
import org.clinval.reports.model.RocSummary;
import org.clinval.reports.model.StudyInfo;
import org.clinval.reports.model.ValidationReport;
import org.clinval.reports.model.Verdict;
import org.clinval.validation.roc.AucEstimate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A report at the edges of the layout: a failed verdict, empty sections, an AUC without an
 * interval, an estimate without an interval, and values too long for their column.
 */
class ValidationReportPdfEdgeTest {

    static final String HASH = "a3f5c0e1b2d4968778695a4b3c2d1e0f1a2b3c4d5e6f708192a3b4c5d6e7f809";
    static final String TOKEN = "quarantine/CASE-0147/series-3/" + "x".repeat(60);
    static ValidationReport report;
    static Path pdf;
    static PdfText text;

    @BeforeAll
    static void writeEdgeReport() throws Exception {
        ValidationReport demo = DemoStudy.generate(11L).report();
        StudyInfo s = demo.study();
        StudyInfo study =
                new StudyInfo(
                        s.id(),
                        s.title()
                                + ", with a title long enough to need a third line on the cover page of the report",
                        s.intendedUse().repeat(3),
                        s.runId(),
                        s.date(),
                        s.softwareVersion(),
                        s.protocolSha256());
        DatasetInfo d = demo.dataset();
        DatasetInfo dataset =
                new DatasetInfo(d.name(), d.manifestSha256(), d.results(), d.results(), 0);
        AucEstimate a = demo.roc().auc();
        AucEstimate noInterval =
                new AucEstimate(
                        a.auc(),
                        OptionalDouble.empty(),
                        Optional.empty(),
                        a.level(),
                        a.positives(),
                        a.negatives(),
                        a.direction(),
                        a.method(),
                        Optional.of("the variance was not computed for this test"));
        List<EndpointResult> endpoints = new ArrayList<>(demo.endpoints());
        endpoints.add(
                new EndpointResult(
                        "EP-06",
                        "F1 score",
                        "f1",
                        OptionalDouble.of(0.75),
                        Optional.empty(),
                        "none",
                        0.95,
                        "estimate \u2265 0.80",
                        true,
                        false,
                        List.of(),
                        List.of(),
                        Optional.empty()));
        List<AuditRow> audit =
                List.of(
                        new AuditRow(
                                41,
                                Instant.parse("2025-06-01T10:00:00Z"),
                                "system",
                                "dataset.verify",
                                HASH,
                                TOKEN),
                        new AuditRow(
                                42,
                                Instant.parse("2025-06-01T10:00:01Z"),
                                "system",
                                "report.generate",
                                "report",
                                "r"));
        report =
                new ValidationReport(
                        study,
                        demo.device(),
                        dataset,
                        demo.operatingPoint(),
                        endpoints,
                        new Verdict(false, "EP-06, a primary endpoint, was not met."),
                        demo.matrix(),
                        new RocSummary(noInterval, demo.roc().curve(), demo.roc().operatingPoint()),
                        List.of(),
                        List.of(),
                        List.of(),
                        audit);
        Path out = Path.of("target", "test-reports");
        Files.createDirectories(out);
        pdf = out.resolve("validation-report-edge.pdf");
        ValidationReportPdf.write(report, pdf);
        text = PdfText.read(pdf, 40);
    }

    @Test
    void printsAFailedVerdictOnTheCover() {
        assertThat(text.pages().get(0))
                .contains("OVERALL VERDICT", "FAIL", "EP-06, a primary endpoint, was not met.");
        assertThat(text.pages().get(0)).doesNotContain("PASS");
    }

    @Test
    void saysSoWhenASectionIsEmpty() {
        assertThat(text.all())
                .contains("The protocol specifies no subgroup analysis.")
                .contains("No input was quarantined.")
                .contains("The report has not been signed.")
                .contains("0 quarantined");
    }

    @Test
    void printsAMissingIntervalInWords() {
        assertThat(text.lines()).anyMatch(l -> l.startsWith("EP-06 F1 score 0.750 not computed"));
        assertThat(text.all().replaceAll("\\s+", " "))
                .contains("undefined: the variance was not computed for this test");
        assertThat(text.all()).doesNotContainPattern("(?i)\\bnan\\b");
    }

    @Test
    void wrapsLongUnbreakableValuesInsideTheirColumns() throws Exception {
        assertThat(text.overflows()).isEmpty();
        int page = text.pages().size();
        assertThat(text.pages().get(page - 1)).contains("Audit trail excerpt");
        // The audit table's Object and Reason columns: left margin 40 plus the template's x.
        String object = PdfText.strip(pdf, page, 40 + 262, 108).replaceAll("\\s+", "");
        String reason = PdfText.strip(pdf, page, 40 + 370, 145).replaceAll("\\s+", "");
        assertThat(object).contains(HASH);
        assertThat(reason).contains(TOKEN);
    }

    @Test
    void numbersEveryPage() {
        int n = text.pages().size();
        for (int p = 1; p <= n; p++) {
            assertThat(text.pages().get(p - 1)).contains("Page " + p + " of " + n);
        }
    }
}
