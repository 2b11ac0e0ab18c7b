/** NIfTI-1 images (.nii, .nii.gz) read as segmentation masks with their voxel spacing. */
package org.clinval.imaging.nifti;
