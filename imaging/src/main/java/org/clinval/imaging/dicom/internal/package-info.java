/** PixelMed-specific details of DICOM reading; not an API. */
package org.clinval.imaging.dicom.internal;
