/**
 * Lesion detection: matching of scored candidates to reference lesions, the FROC curve, sensitivity
 * at fixed false-positive rates and the LUNA16 competition performance metric, with case-level
 * bootstrap intervals.
 */
package org.clinval.validation.detection;
