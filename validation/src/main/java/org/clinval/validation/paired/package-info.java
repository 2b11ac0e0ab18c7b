/**
 * Paired comparisons of two model versions read on the same cases: McNemar's test, Tango's score
 * interval and the paired DeLong test behind a non-inferiority verdict against a margin.
 */
package org.clinval.validation.paired;
