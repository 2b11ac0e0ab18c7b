/** {@code clinval dicom}: DICOM files on the command line: info, de-identification, PHI scan. */
package org.clinval.app.dicom;
