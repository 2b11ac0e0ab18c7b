/**
 * The workbooks (Office Open XML, written with Apache POI): the validation workbook with the cases,
 * every metric, the ROC curve as a native chart, the subgroups and the quarantined inputs; and the
 * traceability workbook of a risk check with its matrix, gaps, risks and controls. Numbers are
 * number cells a reviewer can recompute.
 */
package org.clinval.reports.xlsx;
