package org.clinval.reports.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import org.clinval.reports.internal.Text;
import org.clinval.reports.model.DetectionSection;
import org.clinval.reports.model.FrocRateRow;
import org.clinval.validation.detection.FrocPoint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The FROC curve on a log₂ axis of false positives per scan from 1/8 to 8: the curve as the CPM
 * reads it (linear interpolation between operating points, as {@code numpy.interp}), the
 * sensitivities at the seven rates marked, their bootstrap band, and the CPM in the plot.
 */
final class FrocChart {

    static final double MIN_RATE = 0.125;
    static final double MAX_RATE = 8;
    private static final Color BAND = new Color(0xC9, 0xD6, 0xE8);

    private FrocChart() {}

    static byte[] png(DetectionSection d, int width, int height, int scale) {
        return ChartImage.png(List.of(chart(d)), width, height, scale);
    }

    private static JFreeChart chart(DetectionSection d) {
        Font label = ChartImage.font(9f);
        Font tick = ChartImage.font(8f);
        String level = Text.level(d.level());

        XYSeries curve = new XYSeries("FROC curve", false, true);
        double[] fps = new double[d.curve().size() + 1];
        double[] sens = new double[d.curve().size() + 1];
        for (int i = 0; i < d.curve().size(); i++) {
            FrocPoint p = d.curve().get(i);
            fps[i + 1] = p.fpPerScan();
            sens[i + 1] = p.sensitivity();
        }
        int samples = 240;
        for (int i = 0; i <= samples; i++) {
            double x = MIN_RATE * Math.pow(MAX_RATE / MIN_RATE, (double) i / samples);
            curve.add(x, interpolate(fps, sens, x));
        }
        XYSeries rates = new XYSeries("Sensitivity at 1/8 \u2026 8 FP per scan", false, true);
        YIntervalSeries band = new YIntervalSeries(level + " bootstrap interval");
        for (FrocRateRow r : d.rates()) {
            if (r.sensitivity().isEmpty()) continue;
            double s = r.sensitivity().getAsDouble();
            rates.add(r.fpPerScan(), s);
            r.ci().ifPresent(ci -> band.add(r.fpPerScan(), s, ci.lower(), ci.upper()));
        }
        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(curve);
        lines.addSeries(rates);
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(band);

        LogAxis x = new LogAxis("False positives per scan");
        x.setBase(2);
        x.setRange(MIN_RATE / 1.12, MAX_RATE * 1.12);
        x.setTickUnit(new NumberTickUnit(1));
        x.setMinorTickMarksVisible(false);
        x.setNumberFormatOverride(new RateFormat());
        x.setLabelFont(label);
        x.setTickLabelFont(tick);
        x.setLabelPaint(Color.DARK_GRAY);
        x.setTickLabelPaint(Color.DARK_GRAY);
        NumberAxis y = new NumberAxis("Lesion-level sensitivity");
        y.setRange(0, 1.02);
        y.setTickUnit(
                new NumberTickUnit(
                        0.2,
                        new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        y.setLabelFont(label);
        y.setTickLabelFont(tick);
        y.setLabelPaint(Color.DARK_GRAY);
        y.setTickLabelPaint(Color.DARK_GRAY);

        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer();
        line.setSeriesPaint(0, RocChart.INK);
        line.setSeriesStroke(0, new BasicStroke(1.6f));
        line.setSeriesShapesVisible(0, false);
        line.setSeriesLinesVisible(1, false);
        line.setSeriesShape(1, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        line.setSeriesPaint(1, RocChart.MARK);
        line.setUseOutlinePaint(true);
        line.setSeriesOutlinePaint(1, Color.WHITE);
        DeviationRenderer deviation = new DeviationRenderer(false, false);
        deviation.setSeriesFillPaint(0, BAND);
        deviation.setSeriesPaint(0, BAND);
        deviation.setAlpha(1f);

        XYPlot plot = new XYPlot(lines, x, y, line);
        LegendItemCollection legendItems = new LegendItemCollection();
        legendItems.add(
                new LegendItem(
                        "FROC curve",
                        null,
                        null,
                        null,
                        new Line2D.Double(-7, 0, 7, 0),
                        new BasicStroke(1.6f),
                        RocChart.INK));
        legendItems.add(
                new LegendItem(
                        "Sensitivity at 1/8 \u2026 8 FP per scan",
                        null,
                        null,
                        null,
                        new Ellipse2D.Double(-3.5, -3.5, 7, 7),
                        RocChart.MARK));
        legendItems.add(
                new LegendItem(
                        level + " bootstrap interval",
                        null,
                        null,
                        null,
                        new Rectangle2D.Double(-6, -4, 12, 8),
                        BAND));
        for (int i = 0; i < legendItems.getItemCount(); i++) {
            legendItems.get(i).setLabelFont(tick);
        }
        plot.setFixedLegendItems(legendItems);
        plot.setDataset(1, bands);
        plot.setRenderer(1, deviation);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(ChartImage.GRID);
        plot.setRangeGridlinePaint(ChartImage.GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.5f));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setOutlinePaint(Color.GRAY);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        XYTextAnnotation cpm = new XYTextAnnotation(DetectionRows.cpm(d), MAX_RATE, 0.05);
        cpm.setFont(label);
        cpm.setPaint(RocChart.INK);
        cpm.setTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addAnnotation(cpm);

        JFreeChart chart = new JFreeChart(null, label, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 4, 4, 12));
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setItemFont(tick);
        return chart;
    }

    /**
     * Returns the curve's sensitivity at {@code x} as {@code numpy.interp(x, fps, sens)} reads it,
     * {@code fps} ascending from the origin: at a rate shared by several points the last one.
     */
    static double interpolate(double[] fps, double[] sens, double x) {
        int n = fps.length;
        if (x >= fps[n - 1]) return sens[n - 1];
        int j = 0;
        while (j + 1 < n && fps[j + 1] <= x) j++;
        double t = (x - fps[j]) / (fps[j + 1] - fps[j]);
        return sens[j] + t * (sens[j + 1] - sens[j]);
    }

    /** Tick labels of the log₂ axis: {@code 1/8}, {@code 1/4}, …, {@code 8}. */
    private static final class RateFormat extends NumberFormat {
        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            return to.append(DetectionRows.rate(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return to.append(number);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("tick labels are not parsed");
        }
    }
}
