/**
 * {@code clinval init}: from a DICOM folder, a ground truth and a model file to a study folder that
 * {@code clinval study check} accepts, wiring the drafts of the modules that own each format.
 */
package org.clinval.app.init;
