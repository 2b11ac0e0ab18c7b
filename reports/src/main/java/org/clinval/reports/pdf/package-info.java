/**
 * The validation report and the risk management report as PDF/A-1b, laid out by JasperReports in
 * one house style.
 */
package org.clinval.reports.pdf;
