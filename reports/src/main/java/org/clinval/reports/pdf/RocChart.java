package org.clinval.reports.pdf;

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
import java.util.Locale;
import javax.imageio.ImageIO;
import org.clinval.reports.internal.Text;
import org.clinval.reports.model.OperatingPoint;
import org.clinval.reports.model.RocSummary;
import org.clinval.validation.roc.RocPoint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The ROC curve as an opaque RGB PNG (PDF/A-1 forbids transparency): the empirical curve, the
 * chance diagonal, the operating point marked, and the AUC with its interval in the plot. Text uses
 * DejaVu Sans from the report's font extension, so the chart renders the same on every machine.
 */
final class RocChart {

    static final Color INK = new Color(0x1F, 0x3A, 0x5F);
    static final Color MARK = new Color(0xB3, 0x26, 0x1E);
    private static final Color GRID = new Color(0xD5, 0xDA, 0xE1);
    private static final String FONT = "net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";

    private RocChart() {}

    /**
     * Returns the chart as PNG bytes of {@code width × height} points drawn at {@code scale} pixels
     * per point.
     */
    static byte[] png(RocSummary roc, OperatingPoint op, int width, int height, int scale) {
        JFreeChart chart = chart(roc, op);
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
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("the ROC chart could not be encoded as PNG", e);
        }
        return out.toByteArray();
    }

    private static JFreeChart chart(RocSummary roc, OperatingPoint op) {
        Font base = font();
        Font label = base.deriveFont(Font.PLAIN, 9f);
        Font tick = base.deriveFont(Font.PLAIN, 8f);

        XYSeries curve = new XYSeries("Empirical ROC curve", false, true);
        for (RocPoint p : roc.curve()) {
            curve.add(p.falsePositiveRate(), p.sensitivity());
        }
        XYSeries chance = new XYSeries("Chance", false, true);
        chance.add(0, 0);
        chance.add(1, 1);
        RocPoint o = roc.operatingPoint();
        XYSeries point =
                new XYSeries(
                        "Operating point (score "
                                + Text.rule(op.rule())
                                + " "
                                + Text.threshold(op.threshold())
                                + ")",
                        false,
                        true);
        point.add(o.falsePositiveRate(), o.sensitivity());
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(curve);
        data.addSeries(chance);
        data.addSeries(point);

        NumberAxis x = axis("1 \u2212 specificity (false-positive rate)", label, tick);
        NumberAxis y = axis("Sensitivity (true-positive rate)", label, tick);

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesPaint(0, INK);
        renderer.setSeriesStroke(0, new BasicStroke(1.6f));
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesPaint(1, Color.GRAY);
        renderer.setSeriesStroke(
                1,
                new BasicStroke(
                        0.8f,
                        BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER,
                        10f,
                        new float[] {4f, 3f},
                        0f));
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesLinesVisible(2, false);
        renderer.setSeriesShapesVisible(2, true);
        renderer.setSeriesShape(2, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
        renderer.setSeriesPaint(2, MARK);
        renderer.setSeriesShapesFilled(2, true);
        renderer.setDrawOutlines(true);
        renderer.setUseOutlinePaint(true);
        renderer.setSeriesOutlinePaint(2, Color.WHITE);
        renderer.setSeriesOutlineStroke(2, new BasicStroke(1f));
        renderer.setLegendTextFont(0, tick);
        renderer.setLegendTextFont(1, tick);
        renderer.setLegendTextFont(2, tick);

        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.5f));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setOutlinePaint(Color.GRAY);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        XYTextAnnotation auc =
                new XYTextAnnotation(
                        "AUC " + Text.number(roc.auc().auc()) + aucInterval(roc), 0.97, 0.06);
        auc.setFont(label);
        auc.setPaint(INK);
        auc.setTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addAnnotation(auc);
        // Beside the point, on the side away from the curve's bulk and inside the plot.
        boolean right = o.falsePositiveRate() > 0.45;
        boolean low = o.sensitivity() < 0.2;
        String text =
                "sensitivity "
                        + Text.number(o.sensitivity())
                        + ", specificity "
                        + Text.number(o.specificity());
        XYTextAnnotation mark =
                new XYTextAnnotation(
                        right ? text + "   " : "   " + text,
                        o.falsePositiveRate(),
                        o.sensitivity());
        mark.setFont(tick);
        mark.setPaint(MARK);
        mark.setTextAnchor(
                low
                        ? (right ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT)
                        : (right ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT));
        plot.addAnnotation(mark);

        JFreeChart chart = new JFreeChart(null, label, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setItemFont(tick);
        return chart;
    }

    private static String aucInterval(RocSummary roc) {
        return roc.auc()
                .ci()
                .map(
                        ci ->
                                " ("
                                        + Text.level(roc.auc().level().value())
                                        + " CI "
                                        + Text.interval(ci)
                                        + ", DeLong)")
                .orElse(" (interval undefined)");
    }

    private static NumberAxis axis(String name, Font label, Font tick) {
        NumberAxis axis = new NumberAxis(name);
        axis.setRange(0, 1);
        axis.setTickUnit(
                new NumberTickUnit(
                        0.2,
                        new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        axis.setLabelFont(label);
        axis.setTickLabelFont(tick);
        axis.setLabelPaint(Color.DARK_GRAY);
        axis.setTickLabelPaint(Color.DARK_GRAY);
        return axis;
    }

    private static Font font() {
        try (InputStream in = RocChart.class.getClassLoader().getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("font not on the class path: " + FONT);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("font could not be read: " + FONT, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("font could not be loaded: " + FONT, e);
        }
    }
}
