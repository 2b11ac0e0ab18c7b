/**
 * The traceability model: requirement, hazard, risk control, scenario and result side by side, one
 * immutable row each, with the gaps of the check; built to be rendered as a table or a workbook.
 */
package org.clinval.risk.trace;
