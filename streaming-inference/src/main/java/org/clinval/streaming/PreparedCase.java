package org.clinval.streaming;

/**
 * A case ready for the model: its preprocessed input tensor (flattened).
 *
 * @param caseId the case
 * @param file the file it came from
 * @param manufacturer DICOM Manufacturer
 * @param input the model input, flattened in the model's layout
 */
public record PreparedCase(String caseId, String file, String manufacturer, float[] input) {}
