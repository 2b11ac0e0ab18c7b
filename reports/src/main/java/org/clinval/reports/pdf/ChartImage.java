package org.clinval.reports.pdf;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;

/**
 * Draws charts side by side into one opaque RGB PNG (PDF/A-1 forbids transparency), with DejaVu
 * Sans from the report's font extension, as {@link RocChart} does.
 */
final class ChartImage {

    static final Color GRID = new Color(0xD5, 0xDA, 0xE1);
    private static final String FONT = "net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    private static Font font;

    private ChartImage() {}

    /**
     * Returns {@code charts} drawn left to right in equal columns of a {@code width × height} point
     * image at {@code scale} pixels per point, as PNG bytes.
     */
    static byte[] png(List<JFreeChart> charts, int width, int height, int scale) {
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
            double column = (double) width / charts.size();
            for (int i = 0; i < charts.size(); i++) {
                charts.get(i).draw(g, new Rectangle2D.Double(i * column, 0, column, height));
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

    /** Returns DejaVu Sans at {@code size} points. */
    static synchronized Font font(float size) {
        if (font == null) {
            try (InputStream in = ChartImage.class.getClassLoader().getResourceAsStream(FONT)) {
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
