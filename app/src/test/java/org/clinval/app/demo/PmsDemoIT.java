package org.clinval.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.clinval.app.serve.DemoTour;
import org.clinval.app.testing.CliRun;
import org.clinval.reports.pdf.PdfA;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * The post-market surveillance demo end to end: baseline study, six months of cases scored by the
 * real model, Kafka, the Flink job, alarms, investigations, the PMS report and the risk report.
 */
class PmsDemoIT {

    @TempDir Path dir;

    @Test
    void siteBsScannerChangeIsFoundAndSitesAAndCRaiseNoCusumAlarm() throws Exception {
        CliRun r = CliRun.of("pms", "demo", "--out", dir.resolve("demo").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        JsonNode out = r.json();
        System.out.println("pms demo: " + out.get("seconds") + " s, " + out.get("detection"));

        // Every event accounted for.
        assertThat(out.get("events_in").asLong())
                .isEqualTo(
                        out.get("used").asLong()
                                + out.get("dead_lettered").asLong()
                                + out.get("waiting").asLong());

        // The specificity chart finds site B's change within the delay its design predicts for the
        // shift that happened: at most the 90th percentile of the designed chart's run length at
        // that shift (the truth of the changed cases arrives over weeks, so the first weeks mix
        // old and new cases and the shift is smaller than the scanner's effect on new cases).
        // Sites A and C raise no CUSUM alarm.
        JsonNode spec = out.get("detection").get("specificity");
        JsonNode b = spec.get("site_B");
        assertThat(b.has("observation_days_to_alarm")).as(spec.toString()).isTrue();
        assertThat(b.get("observed_shift_sigma").asDouble()).isLessThan(-0.3);
        assertThat(b.get("observation_days_to_alarm").asLong())
                .as(b.toString())
                .isLessThanOrEqualTo(b.get("design_p90_delay_at_observed_shift_days").asLong());
        assertThat(b.get("within_design_delay").asBoolean()).isTrue();
        for (String metric : new String[] {"positive_rate", "specificity"}) {
            JsonNode m = out.get("detection").get(metric);
            assertThat(m.get("site_A").get("alarms").asInt()).as(metric + " A").isZero();
            assertThat(m.get("site_C").get("alarms").asInt()).as(metric + " C").isZero();
        }

        // Investigations: site B's specificity control is under investigation.
        assertThat(out.get("under_investigation").asText()).contains("RCM-002");

        // The PMS report is PDF/A-1b and says what happened.
        Path pdf = Path.of(out.get("pms_report").asText());
        assertThat(PdfA.failures(pdf, PDFAFlavour.PDFA_1_B)).isEmpty();
        String text;
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(d);
        }
        assertThat(text).contains("site=B", "INV-").doesNotContain("NaN");
        assertThat(Path.of(out.get("pms_workbook").asText())).isRegularFile();
        assertThat(PdfA.failures(Path.of(out.get("risk_report").asText()), PDFAFlavour.PDFA_1_B))
                .isEmpty();
        Path pms = Path.of(out.get("surveillance").asText());
        assertThat(Files.readString(pms.resolve("reconciliation.json"))).contains("events_in");

        // The drift tests ran in the plan's drift window (month) and flag site B's new kernel.
        List<String> drift = Files.readAllLines(pms.resolve("drift.csv"));
        assertThat(drift.size()).as("drift.csv rows").isGreaterThan(1);
        assertThat(drift.subList(1, drift.size())).allMatch(l -> l.startsWith("month,"));
        assertThat(drift)
                .anyMatch(l -> l.contains(",site=B,convolution_kernel,") && l.endsWith(",drift"));

        // The same folder in the browser: the study desk and the dashboard (screenshots kept in
        // target/screenshots/pms-demo for a person to look at).
        Path root = dir.resolve("demo");
        List<Path> shots =
                DemoTour.tour(
                        root,
                        Path.of(out.get("demo_site").asText()).resolve("users.json"),
                        Path.of(out.get("demo_site").asText()).resolve("keys/site-key.json"),
                        "qa.lead",
                        "pms.analyst",
                        "demo-only-password",
                        "demo-only-passphrase",
                        Path.of("target", "screenshots", "pms-demo"));
        assertThat(shots).hasSize(8);
    }
}
