package org.clinval.reports.pms;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import org.clinval.reports.ReportException;
import org.clinval.reports.internal.Text;
import org.clinval.reports.pms.PmsReportInputs.Baseline;
import org.clinval.reports.pms.PmsReportInputs.VersionSeen;

/**
 * Writes the periodic post-market surveillance report (the trend reporting of a PSUR) as a PDF/A-1b
 * document in the house style of the suite's reports.
 *
 * <p>The layout is {@code pms-report.jrxml}: a title page with the period, the device and model
 * versions seen, the validated baseline (study, run, model and dataset SHA-256) and a summary; then
 * 1 the volumes per site and window; 2 the baseline's figures, per charted stratum (all cases and
 * each site) the sensitivity and specificity per window with their intervals against the baseline
 * estimate (solid line) and the acceptance goal (dashed line), the AUC where defined, and every
 * stratum (manufacturer and model too) in a table; 3 the drift tests, flagged rows highlighted; 4
 * the CUSUM monitors, their design and charts of S_hi and S_lo against h with the alarm days; 5 the
 * alarms and the outcome of each one's investigation (state, decision, rationale, signers); 6 the
 * reconciliation of the events. Every page after the first has a running header; every page a
 * footer with the generation time and "Page X of Y". An undefined value prints as {@code undefined
 * (reason)}. The report names no case.
 */
public final class PmsReportWriter {

    private PmsReportWriter() {}

    /**
     * Writes the report of {@code inputs} to {@code pdf}, replacing it. The file appears complete
     * or not at all.
     *
     * @throws ReportException if the template, the rendering or the file fails
     */
    public static void write(PmsReportInputs inputs, Path pdf) throws ReportException {
        JasperPrint print;
        try {
            print = PmsPdf.fill(parameters(inputs), PmsRows.of(inputs));
        } catch (JRException | RuntimeException e) {
            throw new ReportException(
                    "the surveillance report could not be rendered: " + pdf.toAbsolutePath(), e);
        }
        PmsPdf.write(
                print,
                "Post-market surveillance report " + period(inputs),
                "Periodic post-market surveillance (trend report) of "
                        + inputs.baseline().study()
                        + " against run "
                        + inputs.baseline().run()
                        + ", "
                        + period(inputs),
                pdf);
    }

    static String period(PmsReportInputs in) {
        return in.from() + " to " + in.to();
    }

    static Map<String, Object> parameters(PmsReportInputs in) {
        Map<String, Object> p = new HashMap<>();
        Baseline b = in.baseline();
        String generated = Text.time(in.generated());
        p.put("PERIOD", period(in));
        p.put("STUDY", b.study());
        p.put("VERSIONS", versions(in));
        p.put("BASELINE_RUN", b.run());
        p.put("BASELINE_STUDY", b.study());
        p.put(
                "BASELINE_CASES",
                b.cases().isPresent() ? Long.toString(b.cases().getAsLong()) : Text.NONE);
        p.put("MODEL_SHA256", b.modelSha256());
        p.put("DATASET_SHA256", b.datasetSha256());
        p.put("FOLDER", Path.of(in.folder()).getFileName().toString());
        p.put(
                "WINDOW",
                in.trendWindowKind().orElse("none")
                        + in.planWindow().map(w -> " (plan: " + w + ")").orElse(""));
        p.put("GENERATED", generated);
        p.put("SOFTWARE", PmsPdf.software());
        long flagged = in.drift().stream().filter(d -> d.flag().equals("drift")).count();
        long watch = in.drift().stream().filter(d -> d.flag().equals("watch")).count();
        long open = in.investigations().stream().filter(i -> i.state().equals("open")).count();
        long closed = in.investigations().size() - open;
        p.put("SUMMARY_TONE", in.alarms().isEmpty() && flagged == 0 ? "good" : "bad");
        p.put(
                "SUMMARY_HEAD",
                in.alarms().isEmpty()
                        ? "No alarm in the period"
                        : in.alarms().size()
                                + (in.alarms().size() == 1 ? " alarm" : " alarms")
                                + " in the period");
        List<String> lines = new ArrayList<>();
        lines.add(
                String.format(
                        Locale.ROOT,
                        "Drift tests: %d flagged drift, %d watch, of %d.",
                        flagged,
                        watch,
                        in.drift().size()));
        lines.add(
                in.investigationsRecorded()
                        ? String.format(
                                Locale.ROOT, "Investigations: %d closed, %d open.", closed, open)
                        : "Investigations: none recorded in the output folder.");
        lines.add(
                Reconciliation.of(in.reconciliation())
                        .map(Reconciliation::statement)
                        .orElse("Reconciliation: see section 6."));
        p.put("SUMMARY", String.join("\n", lines));
        p.put("PAGE_HEADER", "Post-market surveillance report \u00b7 " + b.study());
        p.put("PAGE_HEADER_RIGHT", "Period " + period(in) + " \u00b7 baseline run " + b.run());
        p.put("PAGE_FOOTER", "Generated " + generated + " \u00b7 " + PmsPdf.software());
        return p;
    }

    private static String versions(PmsReportInputs in) {
        if (!in.versions().isEmpty()) {
            List<String> s = new ArrayList<>();
            for (VersionSeen v : in.versions()) {
                s.add(
                        String.format(
                                Locale.ROOT,
                                "device %s \u00b7 model %s \u2014 %,d predictions",
                                v.deviceVersion(),
                                v.modelVersion(),
                                v.predictions()));
            }
            return String.join("\n", s);
        }
        List<String> models =
                in.windows().stream()
                        .map(w -> w.stratum())
                        .filter(s -> s.startsWith("model_version="))
                        .map(s -> s.substring("model_version=".length()))
                        .distinct()
                        .sorted()
                        .toList();
        return Optional.of(models)
                .filter(m -> !m.isEmpty())
                .map(
                        m ->
                                "model "
                                        + String.join(", ", m)
                                        + " (from the model strata of windows.csv;"
                                        + " device versions are in joined-cases.csv, absent)")
                .orElse("not recorded (no joined-cases.csv and no model strata)");
    }
}
