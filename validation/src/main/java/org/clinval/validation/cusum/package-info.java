/**
 * Two-sided CUSUM charts for post-market surveillance: the chart and its streaming state, and the
 * design of the reference value {@code k} and decision interval {@code h} from a target in-control
 * average run length.
 */
package org.clinval.validation.cusum;
