/**
 * Validation reports: the signed PDF/A-1b report ({@link org.clinval.reports.pdf}) and the workbook
 * ({@link org.clinval.reports.xlsx}) of one validation run, both written from a {@link
 * org.clinval.reports.model.ValidationReport}.
 */
package org.clinval.reports;
