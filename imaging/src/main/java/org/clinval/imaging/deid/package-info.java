/**
 * De-identification by the DICOM PS3.15 Annex E Basic Application Level Confidentiality Profile,
 * with UIDs remapped by a keyed hash so a whole study maps consistently, and the PHI scan that
 * reports what identifying attributes, private attributes or burned-in annotation a file still
 * carries, without ever printing their values.
 */
package org.clinval.imaging.deid;
