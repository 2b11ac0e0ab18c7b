/**
 * The site key: one Ed25519 signing key per installation, kept in a passphrase-protected keystore
 * outside every run folder, that signs the records of studies (audit entries, heads, checkpoints,
 * electronic-signature records, run seals, the user registry).
 *
 * <p><b>What it protects.</b> Anyone who can write a run folder can edit a file and recompute every
 * SHA-256 in it, so hashes alone show accidents, not forgery. A record signed with the site key
 * cannot be rewritten, reassigned or removed from a signed chain without the private key: a
 * verifier holding only the public key ({@link PublicSiteKey}, exported with {@code clinval keys
 * export-public}) finds the change.
 *
 * <p><b>Its limits.</b> (1) A forger who holds the key (who knows the passphrase and can read the
 * keystore) can sign anything: the key is as strong as the keystore's file permissions and the
 * passphrase. (2) Signatures prove that a state was once written by the site, not that it is the
 * latest: whoever kept a copy of a run folder can put back an earlier, complete, signed state of it
 * (a rollback) until the run is sealed; after the seal, removing the seal itself is found because
 * the trail records the end of the study, but rolling the whole folder back to before that entry is
 * not. Keep the exported public key and the archived runs where run-folder writers cannot reach
 * them.
 */
package org.clinval.common.sitekey;
