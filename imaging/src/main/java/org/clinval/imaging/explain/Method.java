package org.clinval.imaging.explain;

/** How an explanation map was computed. */
public enum Method {
    /** Gradient-weighted class activation mapping (needs the network: built-in classifier). */
    GRAD_CAM,
    /** Drop in the positive probability when a patch is covered (black box). */
    OCCLUSION,
    /** Weights of a local linear surrogate over superpixels (black box, seeded). */
    LIME
}
