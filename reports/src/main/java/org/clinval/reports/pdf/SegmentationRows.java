package org.clinval.reports.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clinval.reports.internal.Text;
import org.clinval.reports.model.GroupRow;
import org.clinval.reports.model.MetricAggregateRow;
import org.clinval.reports.model.SegmentationCaseRow;
import org.clinval.reports.model.SegmentationSection;
import org.clinval.reports.model.ValidationReport;

/** The report's segmentation sections: aggregates, distribution, per-case table, worst cases. */
final class SegmentationRows {

    static final String METRICS = "Segmentation metrics over cases";
    static final String DISTRIBUTION = "Distribution of Dice and HD95 across cases";
    static final String CASES = "Segmentation metrics per case";
    static final String WORST = "Worst cases";

    /** The segmentation sections in print order. */
    static final List<String> SECTIONS = List.of(METRICS, DISTRIBUTION, CASES, WORST);

    /** The per-case rows the PDF prints, worst first; the workbook has them all. */
    static final int PRINTED_CASES = 30;

    /** The worst cases described one by one. */
    static final int WORST_CASES = 3;

    private SegmentationRows() {}

    static void add(ReportRows r, SegmentationSection s, ValidationReport report) {
        metrics(r, s);
        distribution(r, s);
        cases(r, s);
        worst(r, s);
    }

    private static void metrics(ReportRows r, SegmentationSection s) {
        String level = Text.level(s.level());
        String note =
                "Mean and median of each metric over the cases where it is defined, with "
                        + level
                        + " percentile bootstrap intervals over all "
                        + s.cases().size()
                        + " cases ("
                        + s.replicates()
                        + " replicates, seed "
                        + s.seed()
                        + "; "
                        + s.resampling()
                        + "). Distances in mm. Reference segment: "
                        + s.label()
                        + ".";
        r.statHead(
                METRICS,
                note,
                "Metric",
                "Defined / cases",
                "Mean",
                level + " CI",
                "Median",
                level + " CI");
        String previous = null;
        for (MetricAggregateRow m : s.metrics()) {
            Map<String, Object> row =
                    r.stat(
                            METRICS,
                            note,
                            m.metric(),
                            m.nDefined() + " / " + m.n(),
                            Text.estimate(m.mean()),
                            Text.interval(m.meanCi()),
                            Text.estimate(m.median()),
                            Text.interval(m.medianCi()));
            if (!m.undefinedReasons().isEmpty()) {
                String reasons =
                        m.undefinedReasons().entrySet().stream()
                                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                                .collect(Collectors.joining("; "));
                row.put(
                        "tNote",
                        "Undefined in "
                                + (m.n() - m.nDefined())
                                + " cases: "
                                + (reasons.equals(previous) ? "as above" : reasons));
                previous = reasons;
            }
        }
        Map<String, Integer> e = s.emptyMasks();
        r.para(
                METRICS,
                note,
                "Empty masks, of "
                        + s.cases().size()
                        + " cases: neither "
                        + e.get("neither")
                        + ", prediction only "
                        + e.get("prediction")
                        + ", reference only "
                        + e.get("reference")
                        + ", both "
                        + e.get("both")
                        + ". With one mask empty, Dice, IoU and surface Dice are 0 and the"
                        + " distances undefined; with both empty, Dice, IoU and surface Dice are 1"
                        + " and the distances 0.");
        groups(r, note, "Reference size", s.sizeBands(), level);
        groups(r, note, "Subgroup", s.subgroups(), level);
    }

    private static void groups(
            ReportRows r, String note, String heading, List<GroupRow> groups, String level) {
        if (groups.isEmpty()) return;
        r.statHead(METRICS, note, heading, "Defined / cases", "Mean Dice", level + " CI");
        for (GroupRow g : groups) {
            Map<String, Object> row =
                    r.stat(
                            METRICS,
                            note,
                            heading.equals("Subgroup")
                                    ? g.attribute() + ": " + g.group()
                                    : g.group(),
                            g.counts().replace(" of ", " / "),
                            Text.estimate(g.estimate()),
                            Text.interval(g.ci()));
            g.undefinedReason().ifPresent(u -> row.put("tNote", "Undefined: " + u));
        }
    }

    private static void distribution(ReportRows r, SegmentationSection s) {
        long hd95 = s.cases().stream().filter(c -> c.hd95().isPresent()).count();
        long undefined = s.cases().size() - hd95;
        String caption =
                "Each dot is one case. Boxes span the quartiles with the median as a line; whiskers"
                        + " reach the furthest case within 1.5 interquartile ranges; the diamond is"
                        + " the mean. Dice over all "
                        + s.cases().size()
                        + " cases; HD95 over the "
                        + hd95
                        + " cases where it is defined"
                        + (undefined == 0
                                ? "."
                                : " (" + undefined + " undefined: a mask is empty, see above).");
        r.figure(
                DISTRIBUTION,
                null,
                SegmentationChart.png(
                        s,
                        ReportRows.FIGURE_WIDTH,
                        ReportRows.FIGURE_HEIGHT,
                        ReportParameters.CHART_SCALE),
                caption);
    }

    private static void cases(ReportRows r, SegmentationSection s) {
        int n = s.cases().size();
        String note =
                (n <= PRINTED_CASES
                                ? "All " + n + " cases, worst Dice first."
                                : "The "
                                        + PRINTED_CASES
                                        + " cases of "
                                        + n
                                        + " with the lowest Dice, worst first; the workbook's"
                                        + " sheet \"Segmentation cases\" lists all "
                                        + n
                                        + ".")
                        + " Values as in case-results.csv, to three decimals; distances in mm;"
                        + " a distance is undefined when a mask is empty.";
        for (SegmentationCaseRow c : s.cases().subList(0, Math.min(n, PRINTED_CASES))) {
            Map<String, Object> row = r.add(CASES, note, "segCase");
            row.put("cCase", c.caseId());
            row.put("cLabel", c.label());
            row.put("cDice", Text.number(c.dice()));
            row.put("cIou", Text.estimate(c.iou()));
            row.put("cHd95", Text.estimate(c.hd95()));
            row.put("cAssd", Text.estimate(c.assd()));
            row.put("cSurface", Text.estimate(c.surfaceDice()));
            row.put("cEmpty", c.empty());
        }
    }

    private static void worst(ReportRows r, SegmentationSection s) {
        String note = "The " + WORST_CASES + " cases with the lowest Dice.";
        List<SegmentationCaseRow> worst = s.worst(WORST_CASES);
        for (int i = 0; i < worst.size(); i++) {
            SegmentationCaseRow c = worst.get(i);
            List<String> parts = new ArrayList<>();
            parts.add("Dice " + Text.number(c.dice()));
            parts.add("IoU " + Text.estimate(c.iou()));
            parts.add("HD95 " + mm(c.hd95()));
            parts.add("ASSD " + mm(c.assd()));
            parts.add("surface Dice " + Text.estimate(c.surfaceDice()));
            r.para(
                    WORST,
                    note,
                    (i + 1)
                            + ".  "
                            + c.caseId()
                            + " (reference label "
                            + c.label()
                            + "): "
                            + String.join(", ", parts)
                            + "; reference "
                            + c.referenceVoxels()
                            + " voxels, prediction "
                            + c.predictedVoxels()
                            + " voxels; empty masks: "
                            + c.empty()
                            + ".");
            byte[] png = s.overlays().get(c.caseId());
            if (png != null) {
                r.figure(
                        WORST,
                        note,
                        png,
                        c.caseId()
                                + ": the slice where reference and prediction disagree most, in a"
                                + " lung window; reference contour green, prediction red, both"
                                + " yellow; right, the blue-framed region enlarged.");
            }
        }
        if (!s.overlayLimitation().isEmpty()) {
            r.para(WORST, note, s.overlayLimitation());
        }
    }

    private static String mm(java.util.OptionalDouble v) {
        return v.isPresent() ? Text.number(v.getAsDouble()) + " mm" : Text.UNDEFINED;
    }
}
