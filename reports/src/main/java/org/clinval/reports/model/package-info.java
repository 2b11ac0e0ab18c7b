/**
 * The content of the reports as immutable records: what the validation report, the risk management
 * report and their workbooks print, filled from computed results. Case identifiers only; no patient
 * identifier has a place here.
 */
package org.clinval.reports.model;
