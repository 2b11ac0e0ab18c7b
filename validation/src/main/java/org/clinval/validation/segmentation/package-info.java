/**
 * Segmentation metrics on 2D and 3D binary masks and integer label maps with explicit, possibly
 * anisotropic voxel spacing: overlap (Dice, IoU, generalized Dice), surface distances (Hausdorff,
 * HD95, ASSD, directed and at any percentile, Euclidean from an exact distance transform or
 * chessboard/taxicab in voxel steps as MONAI), surface Dice at a tolerance, MONAI's reductions over
 * cases and labels, and an accumulator that aggregates cases without dropping the undefined ones.
 */
package org.clinval.validation.segmentation;
