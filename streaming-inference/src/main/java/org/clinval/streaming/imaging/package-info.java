/**
 * The job's plug-ins over the imaging module: DICOM loading, the model's preprocessing and scoring.
 */
package org.clinval.streaming.imaging;
