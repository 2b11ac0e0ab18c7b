/**
 * The validation study's report step: the workflows module's results rendered as the validation
 * report and workbook (the only package of this module that knows the workflows module).
 */
package org.clinval.reports.study;
