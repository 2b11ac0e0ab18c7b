/**
 * Models behind one small prediction API: the built-in nodule classifier and U-Net (DJL blocks
 * trained on phantoms, weights checked by SHA-256) and users' TorchScript or ONNX files described
 * by a YAML descriptor. DJL types never leave the module.
 */
package org.clinval.imaging.model;
