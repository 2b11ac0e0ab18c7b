/**
 * Reading DICOM: {@link org.clinval.imaging.dicom.DicomReader} turns Part 10 files into immutable
 * {@link org.clinval.imaging.dicom.DicomImage}s of physical values with their geometry and
 * metadata, and {@link org.clinval.imaging.dicom.VolumeAssembler} sorts a series into a volume,
 * reporting what is irregular. No PixelMed type appears in this package's API.
 */
package org.clinval.imaging.dicom;
