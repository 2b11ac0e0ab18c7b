/**
 * Volumes for segmentation and detection studies: a checked {@link
 * org.clinval.imaging.volume.SeriesVolume} from a series' files, slice-wise model inference into a
 * {@link org.clinval.imaging.volume.ProbabilityVolume}, detection candidates, reference masks on
 * the series grid, and the derived DICOM objects (SEG, Comprehensive 3D SR) that carry the results.
 */
package org.clinval.imaging.volume;
