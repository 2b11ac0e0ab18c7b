/** PixelMed details of the DICOM writers: attribute construction, file output, source reading. */
package org.clinval.imaging.dicom.write.internal;
