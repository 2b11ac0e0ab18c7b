package org.clinval.imaging.volume.internal;

/**
 * Connected-component labelling of a 3D binary volume with 26-connectivity (voxels sharing a face,
 * an edge or a corner are connected), the labelling of {@code scipy.ndimage.label} with {@code
 * structure=np.ones((3, 3, 3))}: labels 1, 2, … in order of each component's first voxel in scan
 * order (slice, then row, then column), 0 for background.
 */
public final class Components {

    private Components() {}

    /**
     * Returns the label of every voxel, {@code [slice][row · columns + column]}, and stores the
     * number of components in {@code count[0]}.
     */
    public static int[][] label(boolean[][] mask, int rows, int columns, int[] count) {
        int slices = mask.length;
        int plane = rows * columns;
        int[][] labels = new int[slices][plane];
        int next = 0;
        int[] queue = new int[1024];
        for (int s = 0; s < slices; s++) {
            for (int i = 0; i < plane; i++) {
                if (!mask[s][i] || labels[s][i] != 0) continue;
                next++;
                labels[s][i] = next;
                int head = 0;
                int tail = 0;
                queue = push(queue, tail++, s, i);
                while (head < tail) {
                    int cs = queue[2 * head];
                    int ci = queue[2 * head + 1];
                    head++;
                    int cr = ci / columns;
                    int cc = ci % columns;
                    for (int ds = -1; ds <= 1; ds++) {
                        int ns = cs + ds;
                        if (ns < 0 || ns >= slices) continue;
                        for (int dr = -1; dr <= 1; dr++) {
                            int nr = cr + dr;
                            if (nr < 0 || nr >= rows) continue;
                            for (int dc = -1; dc <= 1; dc++) {
                                int nc = cc + dc;
                                if (nc < 0 || nc >= columns) continue;
                                int ni = nr * columns + nc;
                                if (mask[ns][ni] && labels[ns][ni] == 0) {
                                    labels[ns][ni] = next;
                                    queue = push(queue, tail++, ns, ni);
                                }
                            }
                        }
                    }
                }
            }
        }
        count[0] = next;
        return labels;
    }

    private static int[] push(int[] queue, int at, int s, int i) {
        if (2 * at + 1 >= queue.length) {
            queue = java.util.Arrays.copyOf(queue, queue.length * 2);
        }
        queue[2 * at] = s;
        queue[2 * at + 1] = i;
        return queue;
    }
}
