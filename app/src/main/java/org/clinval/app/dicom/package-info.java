/** {@code clinval dicom}: DICOM files from the command line. */
package org.clinval.app.dicom;
