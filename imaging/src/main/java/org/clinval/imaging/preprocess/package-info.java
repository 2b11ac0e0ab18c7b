/**
 * Preprocessing as data: a model's input transforms (HU window, resize, rescale) are objects listed
 * in its descriptor and applied identically in training and inference.
 */
package org.clinval.imaging.preprocess;
