/**
 * The records of a run as a whole: the seal that signs every file of a finished run together with
 * its audit head, and the verification that checks a run folder (trail, signatures, recorded files,
 * locked inputs, seal) with the site's public key and names the first thing that differs.
 */
package org.clinval.workflows.records;
