/**
 * Segmentation metrics on 2D and 3D binary masks with explicit, possibly anisotropic voxel spacing:
 * overlap (Dice, IoU), surface distances (Hausdorff, HD95, ASSD) from an exact Euclidean distance
 * transform, surface Dice at a tolerance, and an accumulator that aggregates cases without dropping
 * the undefined ones.
 */
package org.clinval.validation.segmentation;
