/** {@code clinval dicom}: DICOM files on the command line: de-identification and the PHI scan. */
package org.clinval.app.dicom;
