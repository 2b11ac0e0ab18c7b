/**
 * Multi-reader multi-case (MRMC) reader studies: the reader × case × modality input model and its
 * readers, the U-statistic variance analysis of the reader-averaged AUC (Gallas, as FDA's iMRMC),
 * the Obuchowski–Rockette analysis with Hillis's degrees of freedom, and the sizing of a future
 * study from a pilot (power of the test of a difference, as iMRMC).
 */
package org.clinval.validation.mrmc;
