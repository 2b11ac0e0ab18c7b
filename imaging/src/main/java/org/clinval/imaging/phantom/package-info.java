/**
 * Phantom studies with known ground truth: CT-like chest images (2D slices and small volumes) with
 * HU-correct tissues and lung nodules of 3–20 mm, from several simulated sites (and one drifted
 * site), with synthetic patient identities that serve as PHI canaries. Seeded and deterministic.
 */
package org.clinval.imaging.phantom;
