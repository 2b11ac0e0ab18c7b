package org.clinval.imaging.dicom;

/**
 * How many bits a stored value has and whether it is signed (Bits Stored (0028,0101), Pixel
 * Representation (0028,0103)): the range of stored values the file can hold.
 *
 * @param bitsStored Bits Stored, 1 to 16
 * @param signed Pixel Representation 1 (two's complement)
 */
public record PixelBits(int bitsStored, boolean signed) {

    public PixelBits {
        if (bitsStored < 1 || bitsStored > 16) {
            throw new IllegalArgumentException("bits stored is not in [1, 16]: " + bitsStored);
        }
    }

    /** The smallest stored value: {@code −2^(bits−1)} if signed, else 0. */
    public int minStored() {
        return signed ? -(1 << (bitsStored - 1)) : 0;
    }

    /** The largest stored value: {@code 2^(bits−1) − 1} if signed, else {@code 2^bits − 1}. */
    public int maxStored() {
        return signed ? (1 << (bitsStored - 1)) - 1 : (1 << bitsStored) - 1;
    }
}
