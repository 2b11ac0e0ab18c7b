package org.clinval.validation.segmentation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clinval.validation.testing.ReferenceTable;

/** Decodes the masks of {@code reference/segmentation_masks.csv} and builds analytic masks. */
final class Fixtures {

    /** One fixture: a prediction and a reference mask with their spacing. */
    record Pair(String name, Mask prediction, Mask reference, Spacing spacing) {}

    private Fixtures() {}

    /** Returns the fixtures written by {@code segmentation_reference.py}, by case name. */
    static Map<String, Pair> load() {
        Map<String, Pair> out = new LinkedHashMap<>();
        for (Map<String, String> row : ReferenceTable.load("segmentation_masks.csv").rows()) {
            int[] shape = shape(row.get("shape"));
            String name = row.get("case");
            out.put(
                    name,
                    new Pair(
                            name,
                            Mask.of(shape, runs(row.get("prediction"), shape)),
                            Mask.of(shape, runs(row.get("reference"), shape)),
                            spacing(row.get("spacing"))));
        }
        return out;
    }

    /** Parses {@code 40x36x20}. */
    static int[] shape(String text) {
        String[] parts = text.split("x");
        int[] shape = new int[parts.length];
        for (int i = 0; i < parts.length; i++) shape[i] = Integer.parseInt(parts[i]);
        return shape;
    }

    /** Parses space-separated millimetres. */
    static Spacing spacing(String text) {
        return Spacing.of(doubles(text));
    }

    /** Parses space-separated numbers. */
    static double[] doubles(String text) {
        String[] parts = text.trim().split(" ");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = Double.parseDouble(parts[i]);
        return out;
    }

    /** Decodes alternating run lengths of 0 and 1 voxels, starting with 0. */
    static boolean[] runs(String text, int[] shape) {
        int size = 1;
        for (int n : shape) size *= n;
        boolean[] voxels = new boolean[size];
        int at = 0;
        boolean value = false;
        for (String run : text.trim().split(" ")) {
            int n = Integer.parseInt(run);
            for (int i = 0; i < n; i++) voxels[at++] = value;
            value = !value;
        }
        if (at != size) throw new IllegalStateException("runs cover " + at + " of " + size);
        return voxels;
    }

    /** A ball of {@code radiusMm} around {@code centreMm}, voxel centres at index·spacing. */
    static Mask ball(int[] shape, Spacing spacing, double[] centreMm, double radiusMm) {
        return Mask.where(
                shape,
                index -> {
                    double r2 = 0;
                    for (int axis = 0; axis < index.length; axis++) {
                        double d = index[axis] * spacing.get(axis) - centreMm[axis];
                        r2 += d * d;
                    }
                    return r2 <= radiusMm * radiusMm;
                });
    }
}
