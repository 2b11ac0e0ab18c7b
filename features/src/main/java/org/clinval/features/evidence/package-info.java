/**
 * The evidence behind acceptance steps in plain Java: a finished study run read from its folder,
 * and each measure recomputed from its case results with the protocol's choices, with the value,
 * interval, method, level and counts that a step records.
 */
package org.clinval.features.evidence;
