/**
 * Electronic signatures (21 CFR Part 11 §11.50, §11.70, §11.200): a user registry with slow salted
 * password hashes, and signatures that bind user, printed name, meaning, time and the SHA-256 of
 * what is signed.
 */
package org.clinval.workflows.signature;
