/**
 * The reports of the suite: the signed validation report of one validation run, written from a
 * {@link org.clinval.reports.model.ValidationReport}, and the ISO 14971 risk management report of a
 * risk check, written from a {@link org.clinval.reports.model.RiskReport} ({@link
 * org.clinval.reports.risk.RiskReports}); each as PDF/A-1b ({@link org.clinval.reports.pdf}) with
 * its workbook ({@link org.clinval.reports.xlsx}).
 */
package org.clinval.reports;
