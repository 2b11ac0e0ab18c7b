/**
 * The append-only, hash-chained audit trail of a study (21 CFR Part 11 §11.10(e)), every entry,
 * head record and checkpoint signed with the site key, and its verification.
 *
 * <p>What the key protects: the site key ({@code org.clinval.common.sitekey}) lives outside every
 * run folder, so someone who can edit a run folder but does not hold the key cannot rewrite an
 * entry ("20 cases in: 19 results"), recompute the chain, head and checkpoints and still have the
 * trail verify: each recomputed hash lacks its signature. Its limits: a forger holding the key
 * (keystore and passphrase) can sign anything, and a rollback to an earlier, complete, signed state
 * of the folder (before the run is sealed) verifies, because every record in it was once genuinely
 * written. Structure-only checks ({@link
 * org.clinval.workflows.audit.AuditTrail#verify(java.nio.file.Path)}) see accidents and clumsy
 * edits, not forgeries.
 */
package org.clinval.workflows.audit;
