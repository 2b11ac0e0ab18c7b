package org.clinval.reports.pms;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinval.reports.ReportException;
import org.clinval.reports.internal.Palette;
import org.clinval.reports.internal.Text;
import org.clinval.reports.pms.PmsReportInputs.Alarm;
import org.clinval.reports.pms.PmsReportInputs.BaselineMetric;
import org.clinval.reports.pms.PmsReportInputs.CusumPoint;
import org.clinval.reports.pms.PmsReportInputs.Drift;
import org.clinval.reports.pms.PmsReportInputs.Entry;
import org.clinval.reports.pms.PmsReportInputs.Estimate;
import org.clinval.reports.pms.PmsReportInputs.Investigation;
import org.clinval.reports.pms.PmsReportInputs.Window;

/**
 * Writes the surveillance workbook: sheets Windows, Drift, CUSUM (and CUSUM design when the folder
 * has one), Alarms, Investigations, Reconciliation and Baseline, with the files' own values for the
 * reporting period. The CSV sheets keep the contract's columns in its order; numbers are number
 * cells with the file's full precision, an empty (undefined) cell is the text {@code undefined}
 * (the row's {@code undefined} column says why), dates are ISO text as in the files. Each sheet's
 * header row is frozen and filterable.
 */
public final class PmsWorkbookWriter {

    private PmsWorkbookWriter() {}

    /**
     * Writes the workbook of {@code inputs} to {@code xlsx}, replacing it. The file appears
     * complete or not at all.
     *
     * @throws ReportException if the file cannot be written
     */
    public static void write(PmsReportInputs inputs, Path xlsx) throws ReportException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles styles = new Styles(wb);
            windows(wb, styles, inputs);
            drift(wb, styles, inputs);
            cusum(wb, styles, inputs);
            if (!inputs.cusumDesign().isEmpty()) {
                entries(wb, styles, "CUSUM design", inputs.cusumDesign());
            }
            alarms(wb, styles, inputs);
            investigations(wb, styles, inputs);
            entries(wb, styles, "Reconciliation", inputs.reconciliation());
            baseline(wb, styles, inputs);
            var core = wb.getProperties().getCoreProperties();
            core.setTitle("Post-market surveillance workbook " + PmsReportWriter.period(inputs));
            core.setCreator(PmsPdf.software());
            core.setCreated(Optional.of(Date.from(inputs.generated())));
            save(wb, xlsx);
        } catch (IOException e) {
            throw new ReportException(
                    "the surveillance workbook could not be written: " + xlsx.toAbsolutePath(), e);
        }
    }

    private static void windows(XSSFWorkbook wb, Styles s, PmsReportInputs in) {
        Table t = new Table(wb.createSheet("Windows"), s, PmsOutputFolder.WINDOW_COLUMNS);
        for (Window w : in.windows()) {
            Table.Line r = t.line();
            r.text(w.windowKind()).text(w.windowStart().toString()).text(w.windowEnd().toString());
            r.text(w.stratum()).count(w.nPredictions()).count(w.nWithTruth());
            r.count(w.positives()).count(w.negatives()).number(w.prevalence());
            r.estimate(w.sensitivity()).estimate(w.specificity()).estimate(w.ppv());
            r.estimate(w.npv()).estimate(w.auc()).count(w.readerDecisions());
            r.estimate(w.overrideRate()).number(w.meanScore()).number(OptionalDouble.of(w.level()));
            r.text(w.ciMethod()).text(w.undefined());
        }
        t.finish();
    }

    private static void drift(XSSFWorkbook wb, Styles s, PmsReportInputs in) {
        Table t = new Table(wb.createSheet("Drift"), s, PmsOutputFolder.DRIFT_COLUMNS);
        for (Drift d : in.drift()) {
            Table.Line r = t.line();
            r.text(d.windowKind()).text(d.windowStart().toString()).text(d.windowEnd().toString());
            r.text(d.stratum()).text(d.variable()).text(d.kind()).text(d.test());
            r.count(d.nBaseline()).count(d.nCurrent()).number(d.statistic()).number(d.pValue());
            r.text(d.band());
            if (d.flag().equals("none")) {
                r.text(d.flag());
            } else {
                r.flagged(d.flag());
            }
        }
        t.finish();
    }

    private static void cusum(XSSFWorkbook wb, Styles s, PmsReportInputs in) {
        Table t = new Table(wb.createSheet("CUSUM"), s, PmsOutputFolder.CUSUM_COLUMNS);
        for (CusumPoint p : in.cusum()) {
            Table.Line r = t.line();
            r.text(p.day().toString()).text(p.stratum()).text(p.metric()).number(p.value());
            r.count(p.n()).number(p.mu0()).number(p.sigma()).number(p.k()).number(p.h());
            r.number(p.sHi()).number(p.sLo());
            if (p.alarm().equals("none")) {
                r.text(p.alarm());
            } else {
                r.flagged(p.alarm());
            }
        }
        t.finish();
    }

    private static void alarms(XSSFWorkbook wb, Styles s, PmsReportInputs in) {
        Table t =
                new Table(
                        wb.createSheet("Alarms"),
                        s,
                        List.of(
                                "alarm_id",
                                "kind",
                                "stratum",
                                "metric",
                                "window_start",
                                "window_end",
                                "raised_at",
                                "summary",
                                "requirements",
                                "risk_controls",
                                "evidence"));
        for (Alarm a : in.alarms()) {
            Table.Line r = t.line();
            r.text(a.alarmId()).text(a.kind()).text(a.stratum()).text(a.metric());
            r.text(a.windowStart().toString()).text(a.windowEnd().toString()).text(a.raisedAt());
            r.text(a.summary()).text(String.join(", ", a.requirements()));
            r.text(String.join(", ", a.riskControls())).text(PmsRows.entries(a.evidence()));
        }
        t.finish();
    }

    private static void investigations(XSSFWorkbook wb, Styles s, PmsReportInputs in) {
        Table t =
                new Table(
                        wb.createSheet("Investigations"),
                        s,
                        List.of(
                                "investigation_id",
                                "alarm_ids",
                                "stratum",
                                "metric",
                                "state",
                                "opened",
                                "closed",
                                "decision",
                                "rationale",
                                "signatures",
                                "triage",
                                "root_cause"));
        for (Investigation i : in.investigations()) {
            Table.Line r = t.line();
            r.text(i.investigationId()).text(String.join(", ", i.alarmIds())).text(i.stratum());
            r.text(i.metric()).text(i.state()).text(i.opened()).text(i.closed().orElse(""));
            r.text(i.decision().orElse("")).text(i.rationale().orElse(""));
            List<String> sigs = new ArrayList<>();
            i.signatures()
                    .forEach(g -> sigs.add(g.user() + " (" + g.meaning() + ", " + g.time() + ")"));
            r.text(String.join("; ", sigs)).text(PmsRows.entries(i.triage()));
            r.text(PmsRows.entries(i.rootCause()));
        }
        t.finish();
    }

    private static void entries(XSSFWorkbook wb, Styles s, String name, List<Entry> entries) {
        Table t = new Table(wb.createSheet(name), s, List.of("key", "value"));
        for (Entry e : entries) {
            Table.Line r = t.line().text(e.key());
            if (e.number().isPresent()) {
                r.number(e.number());
            } else {
                r.text(e.text());
            }
        }
        t.finish();
    }

    private static void baseline(XSSFWorkbook wb, Styles s, PmsReportInputs in) {
        Sheet sheet = wb.createSheet("Baseline");
        Table t =
                new Table(
                        sheet,
                        s,
                        List.of(
                                "metric",
                                "estimate",
                                "ci_lower",
                                "ci_upper",
                                "estimate_min",
                                "ci_lower_min",
                                "requirements",
                                "risk_controls"));
        for (BaselineMetric m : in.baseline().metrics()) {
            Table.Line r = t.line().text(m.name()).number(m.estimate());
            r.number(m.ciLower())
                    .number(m.ciUpper())
                    .number(m.estimateMin())
                    .number(m.ciLowerMin());
            r.text(String.join(", ", m.requirements())).text(String.join(", ", m.riskControls()));
        }
        t.finish();
        t.line();
        t.line().text("run").text(in.baseline().run());
        t.line().text("study").text(in.baseline().study());
        t.line().text("model_sha256").text(in.baseline().modelSha256());
        t.line().text("dataset_sha256").text(in.baseline().datasetSha256());
        Table.Line cases = t.line().text("cases");
        if (in.baseline().cases().isPresent()) {
            cases.count(in.baseline().cases().getAsLong());
        } else {
            cases.text(Text.NONE);
        }
        t.widths();
    }

    /** A sheet with a frozen, filterable header row; columns widened to their content. */
    private static final class Table {
        private final Sheet sheet;
        private final Styles styles;
        private final int columns;
        private final int[] widths;
        private int next = 1;

        Table(Sheet sheet, Styles styles, List<String> header) {
            this.sheet = sheet;
            this.styles = styles;
            this.columns = header.size();
            this.widths = new int[Math.max(header.size(), 2)];
            Row row = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                Cell cell = row.createCell(c);
                cell.setCellValue(header.get(c));
                cell.setCellStyle(styles.header);
                widths[c] = header.get(c).length() + 3;
            }
        }

        Line line() {
            return new Line(sheet.createRow(next++));
        }

        void finish() {
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(next - 1, 0), 0, columns - 1));
            widths();
        }

        void widths() {
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, Math.min(Math.max(widths[c], 8), 60) * 256);
            }
        }

        final class Line {
            private final Row row;
            private int col;

            Line(Row row) {
                this.row = row;
            }

            Line text(String v) {
                row.createCell(col).setCellValue(v);
                return widen(v.length());
            }

            Line flagged(String v) {
                Cell cell = row.createCell(col);
                cell.setCellValue(v);
                cell.setCellStyle(styles.flag);
                return widen(v.length());
            }

            Line count(long v) {
                row.createCell(col).setCellValue(v);
                return widen(Long.toString(v).length());
            }

            Line number(double v) {
                Cell cell = row.createCell(col);
                cell.setCellValue(v);
                cell.setCellStyle(styles.decimal);
                return widen(10);
            }

            Line number(OptionalDouble v) {
                return v.isPresent() ? number(v.getAsDouble()) : text(Text.UNDEFINED);
            }

            Line estimate(Estimate e) {
                return number(e.value()).number(e.lower()).number(e.upper());
            }

            private Line widen(int length) {
                if (col < widths.length) {
                    widths[col] = Math.max(widths[col], length + 2);
                }
                col++;
                return this;
            }
        }
    }

    /** The header style (the suite's palette) and the number format. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle decimal;
        final CellStyle flag;

        Styles(XSSFWorkbook wb) {
            XSSFCellStyle head = wb.createCellStyle();
            XSSFFont font = wb.createFont();
            font.setBold(true);
            font.setColor(color(Palette.HEADING));
            head.setFont(font);
            head.setFillForegroundColor(color(Palette.HEADER_FILL));
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header = head;
            decimal = wb.createCellStyle();
            // Shown with up to 6 decimals; the cell holds the file's full double.
            decimal.setDataFormat(wb.createDataFormat().getFormat("0.000###"));
            XSSFCellStyle f = wb.createCellStyle();
            XSSFFont bad = wb.createFont();
            bad.setBold(true);
            bad.setColor(color(Palette.BAD));
            f.setFont(bad);
            flag = f;
        }

        private static XSSFColor color(int rgb) {
            return new XSSFColor(
                    new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb}, null);
        }
    }

    private static void save(XSSFWorkbook wb, Path xlsx) throws IOException {
        Path target = xlsx.toAbsolutePath();
        Path partial = Files.createTempFile(target.getParent(), ".clinval-workbook-", ".xlsx.part");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                wb.write(out);
            }
            Files.move(
                    partial,
                    target,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
