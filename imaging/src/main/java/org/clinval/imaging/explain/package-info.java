/**
 * Explanation maps on the input grid: Grad-CAM for the built-in classifier, occlusion sensitivity
 * and LIME for any model through the prediction API (black box), and PNG overlays.
 */
package org.clinval.imaging.explain;
