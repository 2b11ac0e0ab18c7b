package org.clinval.imaging.volume;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * A picture of where a predicted mask and its reference disagree: the slice with the most voxels in
 * one mask but not the other (when they agree everywhere, the slice with the most voxels in
 * either), drawn in a lung window (−1000 to 400 HU) with the reference's contour in green and the
 * prediction's in red. Two panels side by side: the whole slice, and the region around the
 * disagreement enlarged. Pixels only: no text, no identifier.
 */
public final class ContourOverlay {

    /** Side of each panel in pixels. */
    public static final int PANEL = 240;

    private static final int REFERENCE = 0x00C853;
    private static final int PREDICTION = 0xE53935;
    private static final int BOTH = 0xFFD600;
    private static final int CROP = 48;

    private ContourOverlay() {}

    /** Returns the slice index the overlay shows. */
    public static int slice(VolumeMask reference, VolumeMask predicted) {
        int best = 0;
        long bestDiff = -1;
        long bestAny = -1;
        for (int s = 0; s < reference.geometry().slices(); s++) {
            boolean[] a = reference.slice(s);
            boolean[] b = predicted.slice(s);
            long diff = 0;
            long any = 0;
            for (int i = 0; i < a.length; i++) {
                if (a[i] != b[i]) diff++;
                if (a[i] || b[i]) any++;
            }
            if (diff > bestDiff || (diff == bestDiff && any > bestAny)) {
                best = s;
                bestDiff = diff;
                bestAny = any;
            }
        }
        return best;
    }

    /** Returns the overlay as a PNG, {@code 2·PANEL × PANEL} pixels. */
    public static byte[] png(SeriesVolume volume, VolumeMask reference, VolumeMask predicted) {
        int s = slice(reference, predicted);
        int rows = volume.rows();
        int cols = volume.columns();
        float[] hu = volume.slice(s);
        boolean[] ref = reference.slice(s);
        boolean[] pred = predicted.slice(s);
        boolean[] refEdge = edge(ref, rows, cols);
        boolean[] predEdge = edge(pred, rows, cols);
        int[] rgb = new int[rows * cols];
        for (int i = 0; i < rgb.length; i++) {
            double v = (hu[i] + 1000.0) / 1400.0;
            int g = (int) Math.round(255 * Math.max(0, Math.min(1, v)));
            int color = (g << 16) | (g << 8) | g;
            if (refEdge[i] && predEdge[i]) color = BOTH;
            else if (refEdge[i]) color = REFERENCE;
            else if (predEdge[i]) color = PREDICTION;
            rgb[i] = color;
        }
        int[] box = focus(ref, pred, rows, cols);
        int side = Math.max(CROP, Math.max(box[2] - box[0], box[3] - box[1]) * 2);
        side = Math.min(side, Math.min(rows, cols));
        int half = side / 2;
        int cr = (box[0] + box[2]) / 2;
        int cc = (box[1] + box[3]) / 2;
        int r0 = Math.max(0, Math.min(rows - 2 * half, cr - half));
        int c0 = Math.max(0, Math.min(cols - 2 * half, cc - half));
        BufferedImage out = new BufferedImage(2 * PANEL, PANEL, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < PANEL; y++) {
            for (int x = 0; x < PANEL; x++) {
                int r = (int) ((long) y * rows / PANEL);
                int c = (int) ((long) x * cols / PANEL);
                out.setRGB(x, y, rgb[r * cols + c]);
                int zr = r0 + (int) ((long) y * 2 * half / PANEL);
                int zc = c0 + (int) ((long) x * 2 * half / PANEL);
                out.setRGB(PANEL + x, y, rgb[zr * cols + zc]);
            }
        }
        // The enlarged region, outlined on the whole slice.
        for (int k = 0; k < 2 * half; k++) {
            mark(out, r0 + k, c0, rows, cols);
            mark(out, r0 + k, c0 + 2 * half - 1, rows, cols);
            mark(out, r0, c0 + k, rows, cols);
            mark(out, r0 + 2 * half - 1, c0 + k, rows, cols);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(out, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void mark(BufferedImage out, int r, int c, int rows, int cols) {
        int y = (int) ((long) r * PANEL / rows);
        int x = (int) ((long) c * PANEL / cols);
        if (x >= 0 && x < PANEL && y >= 0 && y < PANEL) out.setRGB(x, y, 0x42A5F5);
    }

    /**
     * The bounding box {@code {r0, c0, r1, c1}} of the 8-connected region of the union of both
     * masks that holds the most disagreeing pixels (the whole slice's centre when both are empty).
     */
    private static int[] focus(boolean[] ref, boolean[] pred, int rows, int cols) {
        int[] label = new int[ref.length];
        int[] best = {rows / 2, cols / 2, rows / 2 + 1, cols / 2 + 1};
        long bestDiff = -1;
        int next = 0;
        int[] queue = new int[ref.length];
        for (int start = 0; start < ref.length; start++) {
            if (!(ref[start] || pred[start]) || label[start] != 0) continue;
            next++;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            label[start] = next;
            long diff = 0;
            int[] b = {rows, cols, -1, -1};
            while (head < tail) {
                int i = queue[head++];
                int r = i / cols;
                int c = i % cols;
                if (ref[i] != pred[i]) diff++;
                b[0] = Math.min(b[0], r);
                b[1] = Math.min(b[1], c);
                b[2] = Math.max(b[2], r + 1);
                b[3] = Math.max(b[3], c + 1);
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        int rr = r + dr;
                        int cc = c + dc;
                        if (rr < 0 || cc < 0 || rr >= rows || cc >= cols) continue;
                        int j = rr * cols + cc;
                        if ((ref[j] || pred[j]) && label[j] == 0) {
                            label[j] = next;
                            queue[tail++] = j;
                        }
                    }
                }
            }
            if (diff > bestDiff) {
                bestDiff = diff;
                best = b;
            }
        }
        return best;
    }

    /** The mask's pixels with a 4-neighbour outside it. */
    private static boolean[] edge(boolean[] m, int rows, int cols) {
        boolean[] e = new boolean[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                if (!m[i]) continue;
                e[i] =
                        r == 0
                                || c == 0
                                || r == rows - 1
                                || c == cols - 1
                                || !m[i - 1]
                                || !m[i + 1]
                                || !m[i - cols]
                                || !m[i + cols];
            }
        }
        return e;
    }
}
