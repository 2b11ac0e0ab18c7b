package org.clinval.imaging.model;

import java.util.OptionalInt;

/**
 * The tensor a model takes per image, {@code channels × height × width} (a batch adds a leading
 * axis), or per 3D patch, {@code channels × depth × height × width} when a depth is given. A grey
 * image fills every channel; a 3D patch has one channel and is taken on the volume's own grid.
 *
 * @param channels 1 or 3 (1 for a 3D patch)
 * @param height rows
 * @param width columns
 * @param depth slices of a 3D patch; empty for a 2D model
 */
public record InputShape(int channels, int height, int width, OptionalInt depth) {

    public InputShape {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("input channels is not 1 or 3: " + channels);
        }
        if (height < 8 || width < 8 || height > 4096 || width > 4096) {
            throw new IllegalArgumentException(
                    "input size is not in [8, 4096]²: " + height + " x " + width);
        }
        if (depth.isPresent() && (depth.getAsInt() < 1 || depth.getAsInt() > 4096)) {
            throw new IllegalArgumentException(
                    "input depth is not in [1, 4096]: " + depth.getAsInt());
        }
        if (depth.isPresent() && channels != 1) {
            throw new IllegalArgumentException(
                    "a 3D input (depth " + depth.getAsInt() + ") has 1 channel, not " + channels);
        }
    }

    /** A 2D input. */
    public InputShape(int channels, int height, int width) {
        this(channels, height, width, OptionalInt.empty());
    }

    /** A 3D patch of one channel. */
    public static InputShape patch(int depth, int height, int width) {
        return new InputShape(1, height, width, OptionalInt.of(depth));
    }

    /** Returns whether the model takes 3D patches. */
    public boolean volumetric() {
        return depth.isPresent();
    }

    /** Returns the voxels of one 3D patch, or the pixels of one channel of a 2D image. */
    public int spatialSize() {
        return depth.orElse(1) * height * width;
    }

    @Override
    public String toString() {
        return depth.isPresent()
                ? "(" + channels + ", " + depth.getAsInt() + ", " + height + ", " + width + ")"
                : "(" + channels + ", " + height + ", " + width + ")";
    }
}
