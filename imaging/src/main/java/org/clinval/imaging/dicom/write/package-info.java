/**
 * Writing DICOM objects a PACS and a viewer can show: CT images from physical values, binary
 * Segmentations (and reading them back), Comprehensive SR finding reports and Secondary Capture
 * overlays of explanation maps, every one with deterministic UIDs derived from the caller's ids.
 */
package org.clinval.imaging.dicom.write;
