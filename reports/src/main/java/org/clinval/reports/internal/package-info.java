/**
 * How report values are printed and coloured: numbers, intervals, undefined values, times, lists,
 * the terms of risk management, and the shared palette.
 */
package org.clinval.reports.internal;
