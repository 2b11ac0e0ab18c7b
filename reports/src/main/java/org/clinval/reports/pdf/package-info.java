/** The signed validation report as PDF/A-1b, laid out by JasperReports. */
package org.clinval.reports.pdf;
