/**
 * {@code clinval risk}: the ISO 14971 risk check of a risk management file, and its report and
 * traceability workbook, on the command line.
 */
package org.clinval.app.risk;
