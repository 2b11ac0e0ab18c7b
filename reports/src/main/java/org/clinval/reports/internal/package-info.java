/** How report values are printed: numbers, intervals, undefined values, times and lists. */
package org.clinval.reports.internal;
