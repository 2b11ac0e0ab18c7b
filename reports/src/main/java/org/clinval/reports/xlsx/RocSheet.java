package org.clinval.reports.xlsx;

import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.ScatterStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFDataPoint;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFScatterChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinval.reports.internal.Text;
import org.clinval.reports.model.ValidationReport;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.validation.roc.RocPoint;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDPt;

/**
 * The "ROC" sheet: every point of the empirical curve, the operating point, the AUC, and a native
 * scatter chart drawn from those cells. Each series has explicit line properties: without them
 * spreadsheet programs pick their own, and some draw the operating point as a line.
 */
final class RocSheet {

    /** The point table's columns, in order. */
    static final List<String> COLUMNS =
            List.of(
                    "Threshold",
                    "True positives",
                    "False positives",
                    "Sensitivity",
                    "Specificity",
                    "1 \u2212 specificity");

    private static final int SIDE = 7; // column H: the operating point, chance line and AUC

    private RocSheet() {}

    static void write(XSSFWorkbook wb, Cells cells, ValidationReport report) {
        XSSFSheet sheet = wb.createSheet("ROC");
        cells.header(sheet, 0, COLUMNS);
        List<RocPoint> curve = report.roc().curve();
        for (int i = 0; i < curve.size(); i++) {
            RocPoint p = curve.get(i);
            Row row = Cells.row(sheet, i + 1);
            if (Double.isFinite(p.threshold())) {
                cells.score(row, 0, p.threshold());
            } else {
                // The curve's first point: stricter than every score, no case positive.
                Cells.text(row, 0, "none positive");
            }
            Cells.integer(row, 1, p.truePositives());
            Cells.integer(row, 2, p.falsePositives());
            cells.decimal(row, 3, p.sensitivity());
            cells.decimal(row, 4, p.specificity());
            cells.decimal(row, 5, p.falsePositiveRate());
        }
        sheet.createFreezePane(0, 1);

        side(cells, sheet, report);
        chart(sheet, curve.size());
        Cells.widths(sheet, 14, 14, 14, 12, 12, 15, 3, 26, 15, 12);
        Cells.printable(sheet, 1);
    }

    private static void side(Cells cells, XSSFSheet sheet, ValidationReport report) {
        Row head = Cells.row(sheet, 0);
        Cells.text(head, SIDE, "Series");
        Cells.text(head, SIDE + 1, "1 \u2212 specificity");
        Cells.text(head, SIDE + 2, "Sensitivity");
        RocPoint op = report.roc().operatingPoint();
        String name =
                "Operating point (score "
                        + report.operatingPoint().rule().symbol()
                        + " "
                        + Text.threshold(report.operatingPoint().threshold())
                        + ")";
        // The operating point with its projections on both axes: a three-point series whose
        // middle point carries the marker.
        point(cells, sheet, 1, "Operating point, on the x axis", op.falsePositiveRate(), 0);
        point(cells, sheet, 2, name, op.falsePositiveRate(), op.sensitivity());
        point(cells, sheet, 3, "Operating point, on the y axis", 0, op.sensitivity());
        point(cells, sheet, 4, "Chance", 0, 0);
        point(cells, sheet, 5, "Chance", 1, 1);
        AucEstimate auc = report.roc().auc();
        Row a = Cells.row(sheet, 7);
        Cells.text(a, SIDE, "AUC");
        cells.decimal(a, SIDE + 1, auc.auc());
        Row ci = Cells.row(sheet, 8);
        Cells.text(ci, SIDE, Text.level(auc.level().value()) + " CI (DeLong)");
        cells.interval(ci, SIDE + 1, auc.ci(), Text.UNDEFINED);
    }

    private static void point(
            Cells cells, XSSFSheet sheet, int rowIndex, String label, double x, double y) {
        Row row = Cells.row(sheet, rowIndex);
        Cells.text(row, SIDE, label);
        cells.decimal(row, SIDE + 1, x);
        cells.decimal(row, SIDE + 2, y);
    }

    private static void chart(XSSFSheet sheet, int points) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, SIDE, 10, SIDE + 8, 36);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("ROC curve");
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);

        XDDFValueAxis x = chart.createValueAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        for (XDDFValueAxis axis : List.of(x, y)) {
            axis.setMinimum(0);
            axis.setMaximum(1);
            axis.setMajorUnit(0.2);
            axis.setNumberFormat("0.0");
        }
        x.setTitle("1 \u2212 specificity (false-positive rate)");
        y.setTitle("Sensitivity");
        y.setCrosses(AxisCrosses.MIN);
        x.setCrosses(AxisCrosses.MIN);

        XDDFScatterChartData data =
                (XDDFScatterChartData) chart.createData(ChartTypes.SCATTER, x, y);
        data.setStyle(ScatterStyle.LINE_MARKER);
        data.setVaryColors(false);

        series(
                        data,
                        sheet,
                        1,
                        points,
                        5,
                        3,
                        "Empirical ROC curve",
                        line(rgb(0x1F, 0x3A, 0x5F), 2.0, null))
                .setMarkerStyle(MarkerStyle.NONE);
        series(
                        data,
                        sheet,
                        4,
                        5,
                        SIDE + 1,
                        SIDE + 2,
                        "Chance",
                        line(XDDFColor.from(PresetColor.GRAY), 1.0, PresetLineDash.DASH))
                .setMarkerStyle(MarkerStyle.NONE);
        XDDFColor red = rgb(0xB3, 0x26, 0x1E);
        var op =
                series(
                        data,
                        sheet,
                        1,
                        3,
                        SIDE + 1,
                        SIDE + 2,
                        "Operating point",
                        line(red, 0.75, PresetLineDash.SYSTEM_DOT));
        op.setMarkerStyle(MarkerStyle.NONE);
        XDDFDataPoint marked = op.getDataPoint(1);
        marked.setMarkerStyle(MarkerStyle.CIRCLE);
        marked.setMarkerSize((short) 8);
        XDDFShapeProperties marker = new XDDFShapeProperties();
        marker.setFillProperties(new XDDFSolidFillProperties(red));
        marker.setLineProperties(line(red, 0.75, null));
        for (CTDPt p : op.getCTScatterSer().getDPtArray()) {
            p.getMarker().setSpPr(marker.getXmlObject());
        }
        chart.plot(data);
    }

    private static XDDFScatterChartData.Series series(
            XDDFScatterChartData data,
            XSSFSheet sheet,
            int firstRow,
            int lastRow,
            int xCol,
            int yCol,
            String title,
            XDDFLineProperties line) {
        XDDFNumericalDataSource<Double> xs =
                XDDFDataSourcesFactory.fromNumericCellRange(
                        sheet, new CellRangeAddress(firstRow, lastRow, xCol, xCol));
        XDDFNumericalDataSource<Double> ys =
                XDDFDataSourcesFactory.fromNumericCellRange(
                        sheet, new CellRangeAddress(firstRow, lastRow, yCol, yCol));
        XDDFScatterChartData.Series s = (XDDFScatterChartData.Series) data.addSeries(xs, ys);
        s.setTitle(title, null);
        s.setSmooth(false);
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setLineProperties(line);
        s.setShapeProperties(shape);
        return s;
    }

    private static XDDFLineProperties line(XDDFColor color, double width, PresetLineDash dash) {
        XDDFLineProperties line = new XDDFLineProperties();
        line.setFillProperties(new XDDFSolidFillProperties(color));
        line.setWidth(width);
        if (dash != null) {
            line.setPresetDash(new XDDFPresetLineDash(dash));
        }
        return line;
    }

    private static XDDFColor rgb(int r, int g, int b) {
        return XDDFColor.from(new byte[] {(byte) r, (byte) g, (byte) b});
    }
}
