package org.clinval.imaging.model.training.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.clinval.imaging.phantom.Lesion;
import org.clinval.imaging.phantom.PhantomCase;
import org.clinval.imaging.phantom.PhantomGenerator;
import org.clinval.imaging.phantom.PhantomImage;
import org.clinval.imaging.preprocess.Preprocessing;
import org.clinval.imaging.preprocess.Raster;

/**
 * Phantom cases preprocessed by the model's own {@link Preprocessing} and held in memory, with
 * seeded sampling of (optionally cropped and flipped) training batches. Crops and flips are
 * augmentation after preprocessing: inference sees the whole preprocessed image.
 */
public final class TrainingSet {

    /** One preprocessed case: image, nodule mask, and the nodules' centres in pixels. */
    record Item(float[] image, boolean[] mask, boolean positive, int[][] centres) {}

    /** Stride of the classifier's feature map, for its per-location targets. */
    public static final int CELL = 2;

    /**
     * A batch: images {@code (n, 1, side, side)}, targets (one per image, or per pixel), and for
     * classifiers the nodule map on the feature grid {@code (n, 1, side/2, side/2)}: the share of
     * each cell's pixels that are nodule (so the cell holding a nodule's centre scores highest).
     */
    public record Batch(float[] x, float[] y, float[] cells, int n, int side) {}

    private final List<Item> items;
    private final int size;

    private TrainingSet(List<Item> items, int size) {
        this.items = items;
        this.size = size;
    }

    /** Returns the side of the (square) images. */
    public int side() {
        return size;
    }

    /** Returns the number of cases. */
    public int size() {
        return items.size();
    }

    /**
     * Generates {@code cases} phantoms of side {@code size} with {@code seed} and preprocesses them
     * with {@code pre}, which must resize to {@code size} (so masks stay on the image grid).
     */
    public static TrainingSet generate(
            long seed,
            int cases,
            double prevalence,
            int size,
            Preprocessing pre,
            Consumer<String> progress) {
        PhantomGenerator g =
                PhantomGenerator.builder()
                        .setSeed(seed)
                        .setSize(size)
                        .setPrevalence(prevalence)
                        .build();
        List<Item> items = new ArrayList<>(cases);
        int chunk = 100;
        long start = System.nanoTime();
        for (int from = 0; from < cases; from += chunk) {
            int to = Math.min(cases, from + chunk);
            List<Item> part =
                    java.util.stream.IntStream.range(from, to)
                            .parallel()
                            .mapToObj(i -> item(g.generateCase(i), pre, size))
                            .toList();
            items.addAll(part);
            progress.accept(Progress.line("phantoms", to, cases, start));
        }
        return new TrainingSet(items, size);
    }

    private static Item item(PhantomCase c, Preprocessing pre, int size) {
        PhantomImage im = c.image();
        Raster r = pre.apply(new Raster(im.hu(), im.rows(), im.columns()));
        if (r.rows() != size || r.columns() != size) {
            throw new IllegalStateException(
                    "preprocessing gives " + r.rows() + " x " + r.columns() + ", not " + size);
        }
        int[][] centres = new int[c.lesions().size()][];
        for (int k = 0; k < centres.length; k++) {
            Lesion l = c.lesions().get(k);
            centres[k] =
                    new int[] {
                        (int) Math.round((l.y() - im.originY()) / im.rowSpacingMm()),
                        (int) Math.round((l.x() - im.originX()) / im.columnSpacingMm())
                    };
        }
        return new Item(r.values(), im.mask().clone(), c.positive(), centres);
    }

    /**
     * Returns the batch of cases {@code indices}: crops of side {@code crop} (0 for the whole
     * image) anchored so that a positive case's crop holds one of its nodules, random flips; the
     * targets are the case labels, or the masks when {@code perPixel}.
     */
    public Batch batch(int[] indices, int crop, boolean perPixel, SplittableRandom rng) {
        int side = crop == 0 ? size : crop;
        int n = indices.length;
        int plane = side * side;
        float[] x = new float[n * plane];
        float[] y = new float[perPixel ? n * plane : n];
        int cellSide = side / CELL;
        float[] cells = new float[perPixel ? 0 : n * cellSide * cellSide];
        for (int b = 0; b < n; b++) {
            Item it = items.get(indices[b]);
            int top = 0, left = 0;
            if (side < size) {
                if (it.positive() && it.centres().length > 0) {
                    int[] c = it.centres()[rng.nextInt(it.centres().length)];
                    int margin = side / 6;
                    top = clamp(c[0] - margin - rng.nextInt(side - 2 * margin), size - side);
                    left = clamp(c[1] - margin - rng.nextInt(side - 2 * margin), size - side);
                } else {
                    top = rng.nextInt(size - side + 1);
                    left = rng.nextInt(size - side + 1);
                }
            }
            boolean flipRows = rng.nextBoolean(), flipCols = rng.nextBoolean();
            boolean any = false;
            for (int r = 0; r < side; r++) {
                int sr = top + (flipRows ? side - 1 - r : r);
                for (int c = 0; c < side; c++) {
                    int sc = left + (flipCols ? side - 1 - c : c);
                    int src = sr * size + sc;
                    x[b * plane + r * side + c] = it.image()[src];
                    boolean m = it.mask()[src];
                    any |= m;
                    if (perPixel) {
                        y[b * plane + r * side + c] = m ? 1 : 0;
                    } else if (m) {
                        cells[(b * cellSide + r / CELL) * cellSide + c / CELL] +=
                                1f / (CELL * CELL);
                    }
                }
            }
            if (!perPixel) {
                // A whole image keeps its label; a crop is positive when it holds nodule pixels.
                y[b] = (side == size ? it.positive() : any) ? 1 : 0;
            }
        }
        return new Batch(x, y, cells, n, side);
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
