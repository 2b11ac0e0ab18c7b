/**
 * The periodic post-market surveillance report (the trend reporting of a PSUR): the surveillance
 * output folder read into {@link org.clinval.reports.pms.PmsReportInputs} by {@link
 * org.clinval.reports.pms.PmsOutputFolder}, written as a PDF/A-1b report by {@link
 * org.clinval.reports.pms.PmsReportWriter} and as a workbook by {@link
 * org.clinval.reports.pms.PmsWorkbookWriter}.
 */
package org.clinval.reports.pms;
