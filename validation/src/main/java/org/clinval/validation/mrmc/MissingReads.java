package org.clinval.validation.mrmc;

/**
 * The reads one reader did not make in one modality.
 *
 * @param reader the reader id
 * @param modality the modality id
 * @param read the number of cases the reader scored in that modality
 * @param missing the number of the study's cases the reader did not score in that modality
 */
public record MissingReads(String reader, String modality, int read, int missing) {}
