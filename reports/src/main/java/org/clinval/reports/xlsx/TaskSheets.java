package org.clinval.reports.xlsx;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinval.reports.internal.Text;
import org.clinval.reports.model.DetectionCaseRow;
import org.clinval.reports.model.DetectionSection;
import org.clinval.reports.model.FrocRateRow;
import org.clinval.reports.model.GroupRow;
import org.clinval.reports.model.MetricAggregateRow;
import org.clinval.reports.model.SegmentationCaseRow;
import org.clinval.reports.model.SegmentationSection;
import org.clinval.validation.detection.FrocPoint;
import org.clinval.validation.interval.Proportion;

/**
 * The workbook's sheets of a segmentation study ("Segmentation cases", "Segmentation metrics") and
 * of a detection study ("FROC", "Detection", "Detection cases"). Per-case values are those of
 * {@code case-results.csv}, unrounded; an undefined value is the text {@code undefined}.
 */
final class TaskSheets {

    static final List<String> SEGMENTATION_CASE_COLUMNS =
            List.of(
                    "Case",
                    "Label",
                    "Dice",
                    "IoU",
                    "HD (mm)",
                    "HD95 (mm)",
                    "HD95 pooled (mm)",
                    "ASSD (mm)",
                    "Surface Dice",
                    "Empty mask",
                    "Reference voxels",
                    "Predicted voxels");

    static final List<String> DETECTION_CASE_COLUMNS =
            List.of("Case", "Label", "Lesions", "Hits", "False positives", "Candidates");

    private TaskSheets() {}

    static void segmentation(XSSFWorkbook wb, Cells cells, SegmentationSection s) {
        XSSFSheet sheet = wb.createSheet("Segmentation cases");
        cells.header(sheet, 0, SEGMENTATION_CASE_COLUMNS);
        for (int i = 0; i < s.cases().size(); i++) {
            SegmentationCaseRow c = s.cases().get(i);
            Row row = sheet.createRow(i + 1);
            Cells.text(row, 0, c.caseId());
            Cells.text(row, 1, c.label());
            cells.decimal(row, 2, c.dice());
            List<OptionalDouble> values =
                    List.of(c.iou(), c.hd(), c.hd95(), c.hd95Pooled(), c.assd(), c.surfaceDice());
            for (int k = 0; k < values.size(); k++) cells.estimate(row, 3 + k, values.get(k));
            Cells.text(row, 9, c.empty());
            Cells.integer(row, 10, c.referenceVoxels());
            Cells.integer(row, 11, c.predictedVoxels());
        }
        Cells.filterable(sheet, 0, s.cases().size(), SEGMENTATION_CASE_COLUMNS.size());
        Cells.printable(sheet, 1);

        XSSFSheet m = wb.createSheet("Segmentation metrics");
        List<String> columns =
                List.of(
                        "Metric",
                        "Key",
                        "Cases",
                        "Defined",
                        "Mean",
                        "Mean CI lower",
                        "Mean CI upper",
                        "Mean BCa lower",
                        "Mean BCa upper",
                        "Median",
                        "Median CI lower",
                        "Median CI upper",
                        "Median BCa lower",
                        "Median BCa upper",
                        "Undefined because");
        cells.header(m, 0, columns);
        int r = 1;
        for (MetricAggregateRow a : s.metrics()) {
            Row row = m.createRow(r++);
            Cells.text(row, 0, a.metric());
            Cells.text(row, 1, a.key());
            Cells.integer(row, 2, a.n());
            Cells.integer(row, 3, a.nDefined());
            cells.estimate(row, 4, a.mean());
            cells.interval(row, 5, a.meanCi(), Text.UNDEFINED);
            cells.interval(row, 7, a.meanBca(), Text.UNDEFINED);
            cells.estimate(row, 9, a.median());
            cells.interval(row, 10, a.medianCi(), Text.UNDEFINED);
            cells.interval(row, 12, a.medianBca(), Text.UNDEFINED);
            StringBuilder why = new StringBuilder();
            a.undefinedReasons()
                    .forEach(
                            (k, v) ->
                                    why.append(why.isEmpty() ? "" : "; ")
                                            .append(k + " (" + v + ")"));
            Cells.text(row, 14, why.toString());
        }
        r++;
        r =
                pairs(
                        m,
                        cells,
                        r,
                        "Bootstrap",
                        Map.of(
                                "Confidence level", Text.level(s.level()),
                                "Replicates", Integer.toString(s.replicates()),
                                "Seed", Long.toString(s.seed()),
                                "Resampling", s.resampling(),
                                "Reference segment", s.label()));
        cells.title(m, r++, "Empty masks");
        for (Map.Entry<String, Integer> e : s.emptyMasks().entrySet()) {
            Row row = m.createRow(r++);
            Cells.text(row, 0, e.getKey());
            Cells.integer(row, 2, e.getValue());
        }
        r++;
        r = groups(m, cells, r, "Mean Dice by reference size", s.sizeBands());
        groups(m, cells, r, "Mean Dice by subgroup", s.subgroups());
        m.createFreezePane(1, 1);
        Cells.widths(m, 24, 12, 8, 8, 10, 12, 12, 12, 12, 10, 12, 12, 12, 12, 60);
        Cells.printable(m, 1);
    }

    private static int pairs(
            XSSFSheet sheet, Cells cells, int r, String title, Map<String, String> values) {
        cells.title(sheet, r++, title);
        for (String k :
                List.of(
                        "Confidence level",
                        "Replicates",
                        "Seed",
                        "Resampling",
                        "Reference segment")) {
            if (!values.containsKey(k)) continue;
            Row row = sheet.createRow(r++);
            Cells.text(row, 0, k);
            Cells.text(row, 1, values.get(k));
        }
        return r + 1;
    }

    private static int groups(
            XSSFSheet sheet, Cells cells, int r, String title, List<GroupRow> groups) {
        if (groups.isEmpty()) return r;
        cells.title(sheet, r++, title);
        cells.header(
                sheet,
                r++,
                List.of(
                        "Attribute",
                        "Group",
                        "Cases",
                        "Counts",
                        "Estimate",
                        "CI lower",
                        "CI upper"));
        for (GroupRow g : groups) {
            Row row = sheet.createRow(r++);
            Cells.text(row, 0, g.attribute());
            Cells.text(row, 1, g.group());
            Cells.integer(row, 2, g.n());
            Cells.text(row, 3, g.counts());
            cells.estimate(row, 4, g.estimate());
            cells.interval(row, 5, g.ci(), Text.UNDEFINED);
            g.undefinedReason().ifPresent(u -> Cells.text(row, 7, u));
        }
        return r + 1;
    }

    static void detection(XSSFWorkbook wb, Cells cells, DetectionSection d) {
        XSSFSheet froc = wb.createSheet("FROC");
        cells.header(froc, 0, List.of("FP per scan", "Sensitivity", "CI lower", "CI upper"));
        int r = 1;
        for (FrocRateRow rate : d.rates()) {
            Row row = froc.createRow(r++);
            cells.score(row, 0, rate.fpPerScan());
            cells.estimate(row, 1, rate.sensitivity());
            cells.interval(row, 2, rate.ci(), Text.UNDEFINED);
        }
        Row cpm = froc.createRow(r++);
        Cells.text(cpm, 0, "CPM");
        cells.estimate(cpm, 1, d.cpm());
        cells.interval(cpm, 2, d.cpmCi(), Text.UNDEFINED);
        d.undefinedReason().ifPresent(u -> Cells.text(cpm, 4, u));
        Row spec = froc.createRow(r++);
        Cells.text(
                spec,
                0,
                Text.level(d.level())
                        + " percentile bootstrap over scans, "
                        + d.replicates()
                        + " replicates, seed "
                        + d.seed()
                        + "; "
                        + d.frocMethod());
        r++;
        cells.title(froc, r++, "FROC curve: every operating point, by descending threshold");
        cells.header(
                froc,
                r++,
                List.of(
                        "Threshold",
                        "Lesions hit",
                        "False positives",
                        "FP per scan",
                        "Sensitivity"));
        for (FrocPoint p : d.curve()) {
            Row row = froc.createRow(r++);
            cells.score(row, 0, p.threshold());
            Cells.integer(row, 1, p.truePositives());
            Cells.integer(row, 2, p.falsePositives());
            cells.score(row, 3, p.fpPerScan());
            cells.score(row, 4, p.sensitivity());
        }
        froc.createFreezePane(0, 1);
        Cells.widths(froc, 14, 12, 14, 12, 12);
        Cells.printable(froc, 1);

        XSSFSheet det = wb.createSheet("Detection");
        cells.header(
                det,
                0,
                List.of(
                        "Measure",
                        "Numerator",
                        "Denominator",
                        "Estimate",
                        "CI lower",
                        "CI upper",
                        "Method"));
        Proportion s = d.lesionSensitivity();
        Row sens = det.createRow(1);
        Cells.text(sens, 0, "Lesion-level sensitivity");
        Cells.integer(sens, 1, s.successes());
        Cells.integer(sens, 2, s.trials());
        cells.estimate(sens, 3, s.estimate());
        cells.interval(sens, 4, s.interval(d.ciMethod()), Text.UNDEFINED);
        Cells.text(sens, 6, Text.method(d.ciMethod()));
        Row fp = det.createRow(2);
        Cells.text(fp, 0, "False positives per scan");
        Cells.integer(fp, 1, d.cases().stream().mapToInt(DetectionCaseRow::falsePositives).sum());
        Cells.integer(fp, 2, d.scans());
        cells.estimate(fp, 3, d.fpPerScan());
        cells.interval(fp, 4, d.fpPerScanCi(), Text.UNDEFINED);
        Cells.text(fp, 6, "percentile bootstrap over scans");
        Row accepted = det.createRow(3);
        Cells.text(accepted, 0, "Candidates accepted");
        Cells.integer(accepted, 1, d.candidatesAccepted());
        Cells.integer(accepted, 2, d.candidates());
        r = groups(det, cells, 5, "Lesion-level sensitivity by lesion diameter", d.sizeBands());
        groups(det, cells, r, "Lesion-level sensitivity by subgroup", d.subgroups());
        Cells.widths(det, 26, 14, 14, 10, 10, 10, 30);
        Cells.printable(det, 1);

        XSSFSheet cases = wb.createSheet("Detection cases");
        cells.header(cases, 0, DETECTION_CASE_COLUMNS);
        for (int i = 0; i < d.cases().size(); i++) {
            DetectionCaseRow c = d.cases().get(i);
            Row row = cases.createRow(i + 1);
            Cells.text(row, 0, c.caseId());
            Cells.text(row, 1, c.label());
            Cells.integer(row, 2, c.lesions());
            Cells.integer(row, 3, c.hits());
            Cells.integer(row, 4, c.falsePositives());
            Cells.integer(row, 5, c.candidates());
        }
        Cells.filterable(cases, 0, d.cases().size(), DETECTION_CASE_COLUMNS.size());
        Cells.printable(cases, 1);
    }
}
