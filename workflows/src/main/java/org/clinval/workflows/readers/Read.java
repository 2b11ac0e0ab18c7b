package org.clinval.workflows.readers;

/**
 * One row of a reads file.
 *
 * @param reader the reader
 * @param caseId the case, as the file names it
 * @param modality the modality (the protocol's unaided or aided name)
 * @param score the reader's score
 * @param line the line of the file the row is on (header = 1)
 */
public record Read(String reader, String caseId, String modality, double score, long line) {}
