/**
 * The validation workbook (Office Open XML, written with Apache POI): the cases, every metric, the
 * ROC curve with a native chart, the subgroups and the quarantined inputs, as numbers a reviewer
 * can recompute.
 */
package org.clinval.reports.xlsx;
