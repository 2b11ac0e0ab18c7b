/**
 * A study's inputs as cases: the reference standard read and checked, joined with the checked image
 * folder, every case given a pseudonym and either a usable image or the reason it will be
 * quarantined — computed once, the same before the approval and during the run.
 */
package org.clinval.streaming.study;
