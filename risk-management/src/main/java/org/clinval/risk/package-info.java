/**
 * ISO 14971:2019 risk management of a medical-imaging AI device: the core nouns of the risk
 * management plan (severity and probability scales, the acceptability matrix, the criteria for the
 * overall residual risk), the requirements, and the risk register (hazards, risk control measures
 * with their verification, residual risks).
 *
 * <p>Everything here is an immutable record. The YAML files are read and checked by {@link
 * org.clinval.risk.io.RiskFileReader}; a register is checked against the results of a study run by
 * {@link org.clinval.risk.check.RiskCheck}; {@link org.clinval.risk.trace.TraceabilityMatrix} lays
 * out requirement, hazard, control, scenario and result side by side.
 */
package org.clinval.risk;
