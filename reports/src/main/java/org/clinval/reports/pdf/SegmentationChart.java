package org.clinval.reports.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.clinval.reports.model.SegmentationCaseRow;
import org.clinval.reports.model.SegmentationSection;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The distribution of Dice and of HD95 across cases: each case a dot (spread sideways so that equal
 * values stay visible), over a box of the quartiles with the median, Tukey whiskers and the mean as
 * a diamond; the worst cases by Dice are marked and named in both panels.
 */
final class SegmentationChart {

    private static final Color BOX = new Color(0xE9, 0xED, 0xF2);

    private SegmentationChart() {}

    static byte[] png(SegmentationSection s, int width, int height, int scale) {
        Set<String> worst =
                s.worst(SegmentationRows.WORST_CASES).stream()
                        .map(SegmentationCaseRow::caseId)
                        .collect(Collectors.toSet());
        List<Point> dice = new ArrayList<>();
        List<Point> hd95 = new ArrayList<>();
        for (SegmentationCaseRow c : s.cases()) {
            dice.add(new Point(c.caseId(), c.dice(), worst.contains(c.caseId())));
            c.hd95().ifPresent(v -> hd95.add(new Point(c.caseId(), v, worst.contains(c.caseId()))));
        }
        return ChartImage.png(
                List.of(
                        panel("Dice", "Dice (" + dice.size() + " cases)", dice, 1.0),
                        panel(
                                "HD95",
                                "HD95 in mm (" + hd95.size() + " cases with both masks)",
                                hd95,
                                Double.NaN)),
                width,
                height,
                scale);
    }

    private record Point(String caseId, double value, boolean worst) {}

    private static JFreeChart panel(String title, String axisName, List<Point> points, double max) {
        Font label = ChartImage.font(9f);
        Font tick = ChartImage.font(8f);
        XYSeries all = new XYSeries("cases", false, true);
        XYSeries marked = new XYSeries("worst", false, true);
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort((a, b) -> Double.compare(a.value(), b.value()));
        double[] x = new double[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            // A deterministic sideways spread (golden-ratio sequence) keeps equal values apart.
            x[i] = ((i * 0.6180339887) % 1.0 - 0.5) * 0.5;
            Point p = sorted.get(i);
            (p.worst() ? marked : all).add(x[i], p.value());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(all);
        data.addSeries(marked);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        renderer.setSeriesPaint(0, RocChart.INK);
        renderer.setSeriesShape(1, new Ellipse2D.Double(-3, -3, 6, 6));
        renderer.setSeriesPaint(1, RocChart.MARK);
        renderer.setDefaultSeriesVisibleInLegend(false);

        NumberAxis domain = new NumberAxis();
        domain.setRange(-1, 1);
        domain.setVisible(false);
        NumberAxis range = new NumberAxis(axisName);
        range.setLabelFont(label);
        range.setTickLabelFont(tick);
        range.setLabelPaint(Color.DARK_GRAY);
        range.setTickLabelPaint(Color.DARK_GRAY);
        double top =
                Double.isNaN(max)
                        ? Math.max(1, sorted.isEmpty() ? 1 : sorted.get(sorted.size() - 1).value())
                                * 1.06
                        : max;
        range.setRange(Double.isNaN(max) ? 0 : -0.02, Double.isNaN(max) ? top : 1.02);

        XYPlot plot = new XYPlot(data, domain, range, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(ChartImage.GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setOutlinePaint(Color.GRAY);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        if (!sorted.isEmpty()) box(plot, renderer, sorted, tick);
        JFreeChart chart = new JFreeChart(null, label, plot, false);
        TextTitle t = new TextTitle(title, ChartImage.font(10f));
        t.setPaint(RocChart.INK);
        chart.setTitle(t);
        // The worst cases are named below the panel: their dots often share one value (Dice 0).
        TextTitle worst = new TextTitle(marked(sorted), tick);
        worst.setPaint(RocChart.MARK);
        worst.setPosition(RectangleEdge.BOTTOM);
        worst.setPadding(new RectangleInsets(4, 0, 0, 0));
        chart.addSubtitle(worst);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 8, 4, 8));
        return chart;
    }

    private static String marked(List<Point> points) {
        List<String> ids =
                points.stream().filter(Point::worst).map(Point::caseId).sorted().toList();
        return ids.isEmpty()
                ? "The "
                        + SegmentationRows.WORST_CASES
                        + " worst by Dice have no HD95: a mask is empty"
                : "In red, of the "
                        + SegmentationRows.WORST_CASES
                        + " worst by Dice: "
                        + String.join(", ", ids);
    }

    /** Draws the quartile box, the median, the whiskers and the mean beneath the dots. */
    private static void box(
            XYPlot plot, XYLineAndShapeRenderer renderer, List<Point> sorted, Font tick) {
        double[] v = sorted.stream().mapToDouble(Point::value).toArray();
        double q1 = quantile(v, 0.25);
        double median = quantile(v, 0.5);
        double q3 = quantile(v, 0.75);
        double iqr = q3 - q1;
        double low = Arrays.stream(v).filter(d -> d >= q1 - 1.5 * iqr).min().orElse(q1);
        double high = Arrays.stream(v).filter(d -> d <= q3 + 1.5 * iqr).max().orElse(q3);
        double mean = Arrays.stream(v).average().orElse(median);
        BasicStroke thin = new BasicStroke(0.8f);
        renderer.addAnnotation(
                new XYBoxAnnotation(-0.4, q1, 0.4, q3, thin, Color.GRAY, BOX), Layer.BACKGROUND);
        renderer.addAnnotation(
                new XYLineAnnotation(-0.4, median, 0.4, median, new BasicStroke(1.6f), Color.BLACK),
                Layer.BACKGROUND);
        renderer.addAnnotation(
                new XYLineAnnotation(0, q3, 0, high, thin, Color.GRAY), Layer.BACKGROUND);
        renderer.addAnnotation(
                new XYLineAnnotation(0, q1, 0, low, thin, Color.GRAY), Layer.BACKGROUND);
        renderer.addAnnotation(
                new XYLineAnnotation(-0.15, high, 0.15, high, thin, Color.GRAY), Layer.BACKGROUND);
        renderer.addAnnotation(
                new XYLineAnnotation(-0.15, low, 0.15, low, thin, Color.GRAY), Layer.BACKGROUND);
        Path2D diamond = new Path2D.Double();
        double w = 0.06;
        double h = (plot.getRangeAxis().getRange().getLength()) * 0.018;
        diamond.moveTo(0.55, mean + h);
        diamond.lineTo(0.55 + w, mean);
        diamond.lineTo(0.55, mean - h);
        diamond.lineTo(0.55 - w, mean);
        diamond.closePath();
        renderer.addAnnotation(
                new XYShapeAnnotation(diamond, thin, Color.BLACK, Color.WHITE), Layer.BACKGROUND);
        XYTextAnnotation m = new XYTextAnnotation("mean", 0.55, mean - 2.2 * h);
        m.setFont(tick);
        m.setPaint(Color.DARK_GRAY);
        m.setTextAnchor(TextAnchor.TOP_CENTER);
        renderer.addAnnotation(m, Layer.BACKGROUND);
    }

    /**
     * Returns the {@code p} quantile of sorted {@code v} by linear interpolation (numpy's default).
     */
    static double quantile(double[] v, double p) {
        double h = (v.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (h - lo) * (v[hi] - v[lo]);
    }
}
