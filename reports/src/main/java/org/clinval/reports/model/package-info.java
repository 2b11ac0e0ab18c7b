/**
 * The content of a validation report as immutable records: what the PDF report and the workbook
 * print, filled by the study workflow from computed results. Case identifiers only; no patient
 * identifier has a place here.
 */
package org.clinval.reports.model;
