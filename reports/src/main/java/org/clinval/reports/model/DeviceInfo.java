package org.clinval.reports.model;

/**
 * The device under validation: the model and the descriptor it was run with.
 *
 * @param name device name
 * @param version device version
 * @param modelSha256 SHA-256 of the model file
 * @param descriptorSha256 SHA-256 of the model descriptor (input, preprocessing, output mapping)
 */
public record DeviceInfo(String name, String version, String modelSha256, String descriptorSha256) {

    public DeviceInfo {
        Fields.text("device name", name);
        Fields.text("device version", version);
        modelSha256 = Fields.sha256("model SHA-256", modelSha256);
        descriptorSha256 = Fields.sha256("descriptor SHA-256", descriptorSha256);
    }
}
