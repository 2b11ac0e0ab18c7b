/**
 * The risk check: acceptability of every risk before and after control, the effectiveness of each
 * control from the results of a study run, the completeness gaps of the risk management file and
 * the overall residual risk by the plan's criteria.
 */
package org.clinval.risk.check;
