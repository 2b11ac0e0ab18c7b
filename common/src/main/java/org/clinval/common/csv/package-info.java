/**
 * A streaming reader of the CSV files users hand over: it parses only the columns asked for,
 * straight into primitive arrays, and keeps where each row came from without keeping the rows.
 */
package org.clinval.common.csv;
