/**
 * The ISO 14971 risk management report (PDF/A-1b) and the traceability workbook of a risk check,
 * written together into one folder.
 */
package org.clinval.reports.risk;
