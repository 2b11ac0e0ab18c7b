/**
 * Graded reference standards: an ordered grade scale, grades written by name or 0-based index, and
 * the rule that turns several graders' grades into one reference grade per case.
 */
package org.clinval.common.grading;
