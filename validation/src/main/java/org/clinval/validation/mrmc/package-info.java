/**
 * Multi-reader multi-case (MRMC) reader studies: the reader × case × modality input model and its
 * readers, the U-statistic variance analysis of the reader-averaged AUC (Gallas, as FDA's iMRMC),
 * and the Obuchowski–Rockette analysis with Hillis's degrees of freedom.
 */
package org.clinval.validation.mrmc;
