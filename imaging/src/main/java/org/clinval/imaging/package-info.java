/**
 * Everything the suite does with images: DICOM in and out through PixelMed, de-identification,
 * preprocessing, the phantom study generator, models run through DJL, and explanation maps. The
 * only module that imports {@code com.pixelmed} or {@code ai.djl}; the rest of the suite uses this
 * module's small API.
 */
package org.clinval.imaging;
