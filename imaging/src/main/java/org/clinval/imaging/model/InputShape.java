package org.clinval.imaging.model;

/**
 * The tensor a model takes per image, {@code channels × height × width} (a batch adds a leading
 * axis). A grey image fills every channel.
 *
 * @param channels 1 or 3
 * @param height rows
 * @param width columns
 */
public record InputShape(int channels, int height, int width) {

    public InputShape {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("input channels is not 1 or 3: " + channels);
        }
        if (height < 8 || width < 8 || height > 4096 || width > 4096) {
            throw new IllegalArgumentException(
                    "input size is not in [8, 4096]²: " + height + " x " + width);
        }
    }

    @Override
    public String toString() {
        return "(" + channels + ", " + height + ", " + width + ")";
    }
}
