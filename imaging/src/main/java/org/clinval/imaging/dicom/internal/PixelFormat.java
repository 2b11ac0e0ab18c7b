package org.clinval.imaging.dicom.internal;

/**
 * The Image Pixel module attributes that say how stored values are laid out (PS3.3 C.7.6.3).
 *
 * @param rows Rows
 * @param columns Columns
 * @param frames Number of Frames (1 when absent)
 * @param samplesPerPixel Samples per Pixel
 * @param photometric Photometric Interpretation as written in the header
 * @param bitsAllocated Bits Allocated
 * @param bitsStored Bits Stored
 * @param highBit High Bit
 * @param signed Pixel Representation 1 (two's complement)
 * @param planar Planar Configuration 1 (colour-by-plane)
 */
record PixelFormat(
        int rows,
        int columns,
        int frames,
        int samplesPerPixel,
        String photometric,
        int bitsAllocated,
        int bitsStored,
        int highBit,
        boolean signed,
        boolean planar) {

    /** Values per frame as delivered: rows · columns · samples. */
    int valuesPerFrame() {
        return rows * columns * samplesPerPixel;
    }

    /**
     * The stored value of a raw sample: the {@code bitsStored} bits ending at {@code highBit},
     * sign-extended when the representation is signed. Bits outside them (old overlays, padding)
     * are ignored, as PS3.5 §8.1.1 requires.
     */
    int stored(int raw) {
        int shifted = raw >>> (highBit + 1 - bitsStored);
        if (bitsStored >= 32) {
            return shifted;
        }
        int v = shifted & ((1 << bitsStored) - 1);
        if (signed && (v & (1 << (bitsStored - 1))) != 0) {
            v -= 1 << bitsStored;
        }
        return v;
    }
}
