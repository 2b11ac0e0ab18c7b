/**
 * Electronic signatures (21 CFR Part 11 §11.50, §11.70, §11.200) and the users who make them: a
 * registry with slow salted password hashes, changed only by administrators (each act signed with
 * an administrator's password and appended to a site-key-signed administration log) and itself
 * signed with the site key; signature records that bind user, printed name, meaning, time, the
 * SHA-256 of what is signed, the context and the signing audit entry, signed with the site key so
 * that a signature cannot be reassigned, moved or removed without the key (§11.70).
 *
 * <p>Limits as in {@code org.clinval.workflows.audit}: the holder of the site key can forge, and a
 * registry rolled back together with its administration log to an earlier signed state verifies.
 */
package org.clinval.workflows.signature;
