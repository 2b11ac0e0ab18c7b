/**
 * The append-only, hash-chained audit trail of a study (21 CFR Part 11 §11.10(e)) and its
 * verification.
 */
package org.clinval.workflows.audit;
