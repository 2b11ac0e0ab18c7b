package org.clinval.reports.pms;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.clinval.reports.internal.Text;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The charts of the surveillance report, drawn as opaque RGB PNG (PDF/A-1 forbids transparency)
 * with DejaVu Sans from the report's font extension: a metric per window with its interval band
 * against the validated baseline estimate (solid line) and the acceptance goal (dashed line); and a
 * CUSUM monitor's S_hi and S_lo against its decision limit h with the alarm days marked.
 */
final class PmsCharts {

    static final Color INK = new Color(0x1F, 0x3A, 0x5F);
    static final Color BAND = new Color(0xC9, 0xD6, 0xE6);
    static final Color BASELINE = new Color(0x1B, 0x7F, 0x3B);
    static final Color GOAL = new Color(0xB3, 0x26, 0x1E);
    static final Color LOW = new Color(0x8A, 0x5A, 0x00);
    static final Color GRID = new Color(0xD5, 0xDA, 0xE1);
    private static final String FONT = "net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    private static Font font;

    private PmsCharts() {}

    /** One window's point of a trend chart; an undefined estimate carries its reason. */
    record Point(
            String label,
            OptionalDouble value,
            OptionalDouble lower,
            OptionalDouble upper,
            String undefinedReason) {}

    /** A reference line of a trend chart. */
    record Reference(String label, double value) {}

    /**
     * A metric per window: the estimate joined by a line, its interval as a band, the baseline as a
     * solid line and the goal as a dashed line; an undefined window is marked "undefined" at the
     * foot of the chart.
     */
    static JFreeChart trend(
            String title,
            String axisLabel,
            List<Point> points,
            java.util.Optional<Reference> baseline,
            java.util.Optional<Reference> goal) {
        YIntervalSeries est = new YIntervalSeries(axisLabel + " with its interval");
        double min = 1;
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (p.value().isEmpty()) {
                continue;
            }
            double v = p.value().getAsDouble();
            double lo = p.lower().orElse(v);
            double hi = p.upper().orElse(v);
            est.add(i, v, lo, hi);
            min = Math.min(min, lo);
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(est);

        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setSeriesPaint(0, INK);
        renderer.setSeriesFillPaint(0, BAND);
        renderer.setSeriesStroke(0, new BasicStroke(1.4f));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        renderer.setAlpha(1f);
        renderer.setLegendTextFont(0, font(7f));

        String[] labels = points.stream().map(Point::label).toArray(String[]::new);
        SymbolAxis x = new SymbolAxis(null, labels.length == 0 ? new String[] {""} : labels);
        x.setTickLabelFont(font(6.5f));
        x.setTickLabelPaint(Color.DARK_GRAY);
        x.setGridBandsVisible(false);
        x.setRange(-0.5, Math.max(points.size(), 1) - 0.5);
        if (points.size() > 8) {
            x.setVerticalTickLabels(true);
        }

        for (Reference r :
                List.of(baseline, goal).stream().flatMap(java.util.Optional::stream).toList()) {
            min = Math.min(min, r.value());
        }
        NumberAxis y = new NumberAxis(axisLabel);
        double lowerBound = Math.max(0, Math.floor((min - 0.05) * 10) / 10);
        y.setRange(lowerBound, 1.0);
        y.setNumberFormatOverride(
                new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        axis(y);

        XYPlot plot = new XYPlot(data, x, y, renderer);
        style(plot);
        baseline.ifPresent(
                b ->
                        plot.addRangeMarker(
                                marker(b, BASELINE, new BasicStroke(1.1f), TextAnchor.BOTTOM_LEFT),
                                Layer.FOREGROUND));
        goal.ifPresent(
                g ->
                        plot.addRangeMarker(
                                marker(
                                        g,
                                        GOAL,
                                        new BasicStroke(
                                                1.1f,
                                                BasicStroke.CAP_BUTT,
                                                BasicStroke.JOIN_MITER,
                                                10f,
                                                new float[] {5f, 3f},
                                                0f),
                                        TextAnchor.TOP_LEFT),
                                Layer.FOREGROUND));
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).value().isPresent()) {
                continue;
            }
            XYTextAnnotation a =
                    new XYTextAnnotation("undefined", i, lowerBound + (1 - lowerBound) * 0.04);
            a.setFont(font(6.5f));
            a.setPaint(LOW);
            a.setTextAnchor(TextAnchor.BOTTOM_CENTER);
            plot.addAnnotation(a);
        }
        return chart(title, plot);
    }

    /**
     * A CUSUM monitor over days: S_hi and S_lo, the decision limit h (and −h when S_lo is kept
     * negative) dashed, each alarm day marked by a vertical line.
     */
    static JFreeChart cusum(
            String title,
            List<LocalDate> days,
            List<Double> sHi,
            List<Double> sLo,
            double h,
            List<LocalDate> alarmDays) {
        XYSeries hi = new XYSeries("S_hi", false, true);
        XYSeries lo = new XYSeries("S_lo", false, true);
        boolean negative = false;
        double max = h;
        double min = 0;
        for (int i = 0; i < days.size(); i++) {
            long t = millis(days.get(i));
            hi.add(t, sHi.get(i));
            lo.add(t, sLo.get(i));
            negative |= sLo.get(i) < 0;
            max = Math.max(max, Math.max(sHi.get(i), sLo.get(i)));
            min = Math.min(min, Math.min(sHi.get(i), sLo.get(i)));
        }
        java.util.Set<LocalDate> alarmSet = new java.util.HashSet<>(alarmDays);
        XYSeries marks = new XYSeries("alarm day", false, true);
        for (int i = 0; i < days.size(); i++) {
            if (alarmSet.contains(days.get(i))) {
                double s = Math.abs(sHi.get(i)) >= Math.abs(sLo.get(i)) ? sHi.get(i) : sLo.get(i);
                marks.add(millis(days.get(i)), s);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(hi);
        data.addSeries(lo);
        if (!marks.isEmpty()) {
            data.addSeries(marks);
        }

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, INK);
        renderer.setSeriesStroke(0, new BasicStroke(1.2f));
        renderer.setSeriesPaint(1, LOW);
        renderer.setSeriesStroke(1, new BasicStroke(1.2f));
        renderer.setLegendTextFont(0, font(7f));
        renderer.setLegendTextFont(1, font(7f));
        renderer.setSeriesLinesVisible(2, false);
        renderer.setSeriesShapesVisible(2, true);
        renderer.setSeriesShape(2, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        renderer.setSeriesPaint(2, GOAL);
        renderer.setLegendTextFont(2, font(7f));

        DateAxis x = new DateAxis(null, TimeZone.getTimeZone("UTC"), Locale.ROOT);
        SimpleDateFormat f = new SimpleDateFormat("yyyy-MM-dd", Locale.ROOT);
        f.setTimeZone(TimeZone.getTimeZone("UTC"));
        x.setDateFormatOverride(f);
        axis(x);
        NumberAxis y = new NumberAxis("cumulative sum");
        axis(y);
        double top = Math.max(max, h) * 1.12;
        double bottom = negative ? Math.min(min, -h) * 1.12 : 0;
        y.setRange(bottom, top <= bottom ? bottom + 1 : top);
        y.setNumberFormatOverride(
                new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)));

        XYPlot plot = new XYPlot(data, x, y, renderer);
        style(plot);
        BasicStroke dashed =
                new BasicStroke(
                        1.1f,
                        BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER,
                        10f,
                        new float[] {5f, 3f},
                        0f);
        plot.addRangeMarker(
                marker(
                        new Reference("h = " + Text.threshold(h), h),
                        GOAL,
                        dashed,
                        TextAnchor.BOTTOM_LEFT),
                Layer.FOREGROUND);
        if (negative) {
            plot.addRangeMarker(
                    marker(new Reference("\u2212h", -h), GOAL, dashed, TextAnchor.TOP_LEFT),
                    Layer.FOREGROUND);
        }
        // A vertical line where each run of alarm days starts; the days themselves are dots.
        for (LocalDate d : alarmDays) {
            if (alarmSet.contains(d.minusDays(1))) {
                continue;
            }
            ValueMarker m = new ValueMarker(millis(d), GOAL, new BasicStroke(0.9f));
            m.setLabel("alarm " + d);
            m.setLabelFont(font(6.5f));
            m.setLabelPaint(GOAL);
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            m.setLabelBackgroundColor(Color.WHITE);
            plot.addDomainMarker(m, Layer.FOREGROUND);
        }
        return chart(title, plot);
    }

    private static long millis(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static ValueMarker marker(
            Reference r, Color color, BasicStroke stroke, TextAnchor anchor) {
        ValueMarker m = new ValueMarker(r.value(), color, stroke);
        m.setLabel(r.label());
        m.setLabelFont(font(6.5f));
        m.setLabelPaint(color);
        m.setLabelAnchor(
                anchor == TextAnchor.BOTTOM_LEFT
                        ? RectangleAnchor.TOP_LEFT
                        : RectangleAnchor.BOTTOM_LEFT);
        m.setLabelTextAnchor(anchor);
        m.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
        m.setLabelBackgroundColor(Color.WHITE);
        return m;
    }

    private static void axis(ValueAxis a) {
        a.setLabelFont(font(7.5f));
        a.setTickLabelFont(font(6.5f));
        a.setLabelPaint(Color.DARK_GRAY);
        a.setTickLabelPaint(Color.DARK_GRAY);
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.5f));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setOutlinePaint(Color.GRAY);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    private static JFreeChart chart(String title, XYPlot plot) {
        JFreeChart chart = new JFreeChart(null, font(8f), plot, true);
        TextTitle t = new TextTitle(title, font(8.5f).deriveFont(Font.BOLD));
        t.setPaint(INK);
        t.setHorizontalAlignment(HorizontalAlignment.LEFT);
        chart.setTitle(t);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setItemFont(font(7f));
        return chart;
    }

    /**
     * Returns {@code charts} drawn left to right in {@code columns} equal columns and as many rows
     * as needed, in a {@code width}-point-wide image with rows {@code rowHeight} points high, at
     * {@code scale} pixels per point, as PNG bytes.
     */
    static byte[] png(List<JFreeChart> charts, int columns, int width, int rowHeight, int scale) {
        int rows = Math.max(1, (charts.size() + columns - 1) / columns);
        int height = rows * rowHeight;
        BufferedImage image =
                new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(scale, scale);
            double column = (double) width / columns;
            for (int i = 0; i < charts.size(); i++) {
                charts.get(i)
                        .draw(
                                g,
                                new Rectangle2D.Double(
                                        (i % columns) * column,
                                        (i / columns) * rowHeight,
                                        column,
                                        rowHeight));
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("a chart could not be encoded as PNG", e);
        }
        return out.toByteArray();
    }

    private static synchronized Font font(float size) {
        if (font == null) {
            try (InputStream in = PmsCharts.class.getClassLoader().getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException("font not on the class path: " + FONT);
                }
                font = Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException e) {
                throw new UncheckedIOException("font could not be read: " + FONT, e);
            } catch (FontFormatException e) {
                throw new IllegalStateException("font could not be loaded: " + FONT, e);
            }
        }
        return font.deriveFont(Font.PLAIN, size);
    }
}
