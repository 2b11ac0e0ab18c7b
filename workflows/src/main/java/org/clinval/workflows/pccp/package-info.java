/**
 * Re-validation of a modified model version under a predetermined change control plan (PCCP): the
 * plan, the pairing of two study runs on the same locked test set, and the comparison record.
 */
package org.clinval.workflows.pccp;
