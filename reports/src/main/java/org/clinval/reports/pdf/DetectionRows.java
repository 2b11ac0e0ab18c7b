package org.clinval.reports.pdf;

import java.util.List;
import java.util.Map;
import org.clinval.reports.internal.Text;
import org.clinval.reports.model.DetectionCaseRow;
import org.clinval.reports.model.DetectionSection;
import org.clinval.reports.model.FrocRateRow;
import org.clinval.reports.model.GroupRow;
import org.clinval.reports.model.ValidationReport;
import org.clinval.validation.interval.Proportion;

/** The report's detection sections: the FROC and the lesion-level results at the threshold. */
final class DetectionRows {

    static final String FROC = "FROC analysis";
    static final String LESIONS = "Lesion-level performance at the operating threshold";

    /** The detection sections in print order. */
    static final List<String> SECTIONS = List.of(FROC, LESIONS);

    private DetectionRows() {}

    static void add(ReportRows r, DetectionSection d, ValidationReport report) {
        froc(r, d);
        lesions(r, d, report);
    }

    /** Returns an FP rate as read, e.g. {@code 1/8} or {@code 2}. */
    static String rate(double fpPerScan) {
        if (fpPerScan < 1) {
            long denominator = Math.round(1 / fpPerScan);
            if (Math.abs(1.0 / denominator - fpPerScan) < 1e-12) return "1/" + denominator;
        }
        return Text.threshold(fpPerScan);
    }

    /** Returns the CPM with its interval, e.g. {@code CPM 0.875 (95% CI 0.750 – 0.938)}. */
    static String cpm(DetectionSection d) {
        if (d.cpm().isEmpty()) {
            return "CPM " + Text.UNDEFINED + d.undefinedReason().map(u -> ": " + u).orElse("");
        }
        return "CPM "
                + Text.number(d.cpm().getAsDouble())
                + d.cpmCi()
                        .map(ci -> " (" + Text.level(d.level()) + " CI " + Text.interval(ci) + ")")
                        .orElse(" (interval undefined)");
    }

    private static void froc(ReportRows r, DetectionSection d) {
        String level = Text.level(d.level());
        String note =
                "Lesion-level sensitivity against false positives per scan over every candidate ("
                        + d.candidates()
                        + " candidates, "
                        + d.lesions()
                        + " lesions, "
                        + d.scans()
                        + " scans); intervals are "
                        + level
                        + " percentile bootstrap over scans ("
                        + d.replicates()
                        + " replicates, seed "
                        + d.seed()
                        + ").";
        String caption =
                cpm(d)
                        + ", the mean sensitivity at 1/8, 1/4, 1/2, 1, 2, 4 and 8 false positives"
                        + " per scan (marked). The band is the "
                        + level
                        + " bootstrap interval at those rates. The curve is read at each rate by"
                        + " linear interpolation: "
                        + d.frocMethod()
                        + ".";
        if (!d.curve().isEmpty()) {
            r.figure(
                    FROC,
                    note,
                    FrocChart.png(
                            d,
                            ReportRows.FIGURE_WIDTH,
                            ReportRows.FIGURE_HEIGHT,
                            ReportParameters.CHART_SCALE),
                    caption);
        }
        r.statHead(FROC, note, "FP per scan", "", "Sensitivity", level + " CI");
        for (FrocRateRow rate : d.rates()) {
            r.stat(
                    FROC,
                    note,
                    rate(rate.fpPerScan()),
                    "",
                    Text.estimate(rate.sensitivity()),
                    Text.interval(rate.ci()));
        }
        Map<String, Object> cpm =
                r.stat(FROC, note, "CPM", "", Text.estimate(d.cpm()), Text.interval(d.cpmCi()));
        d.undefinedReason().ifPresent(u -> cpm.put("tNote", "Undefined: " + u));
    }

    private static void lesions(ReportRows r, DetectionSection d, ValidationReport report) {
        String level = Text.level(d.level());
        String threshold =
                "score "
                        + Text.rule(report.operatingPoint().rule())
                        + " "
                        + Text.threshold(report.operatingPoint().threshold());
        String note =
                "Candidates with "
                        + threshold
                        + " accepted; a candidate hits a lesion when its centre lies within the"
                        + " lesion's radius, one hit per lesion. Sensitivities with "
                        + Text.method(d.ciMethod())
                        + " intervals; false positives per scan with the percentile bootstrap over"
                        + " scans.";
        r.statHead(LESIONS, note, "Measure", "Counts", "Estimate", level + " CI");
        Proportion s = d.lesionSensitivity();
        Map<String, Object> sens =
                r.stat(
                        LESIONS,
                        note,
                        "Lesion-level sensitivity",
                        Text.counts(s.successes(), s.trials()) + " lesions",
                        Text.estimate(s.estimate()),
                        Text.interval(s.interval(d.ciMethod())));
        s.undefinedReason().ifPresent(u -> sens.put("tNote", "Undefined: " + u));
        int fp = d.cases().stream().mapToInt(DetectionCaseRow::falsePositives).sum();
        r.stat(
                LESIONS,
                note,
                "False positives per scan",
                Text.counts(fp, d.scans()) + " scans",
                Text.estimate(d.fpPerScan()),
                Text.interval(d.fpPerScanCi()));
        r.stat(
                LESIONS,
                note,
                "Candidates accepted",
                d.candidatesAccepted() + " of " + d.candidates(),
                "",
                "");
        groups(r, note, "Lesion diameter", d.sizeBands(), level);
        groups(r, note, "Subgroup", d.subgroups(), level);
    }

    private static void groups(
            ReportRows r, String note, String heading, List<GroupRow> groups, String level) {
        if (groups.isEmpty()) return;
        r.statHead(LESIONS, note, heading, "Hit / lesions", "Sensitivity", level + " CI");
        for (GroupRow g : groups) {
            Map<String, Object> row =
                    r.stat(
                            LESIONS,
                            note,
                            heading.equals("Subgroup")
                                    ? g.attribute() + ": " + g.group()
                                    : g.group(),
                            g.counts(),
                            Text.estimate(g.estimate()),
                            Text.interval(g.ci()));
            if (g.estimate().isEmpty()) row.put("tNote", "Undefined: no lesion in this group");
        }
    }
}
