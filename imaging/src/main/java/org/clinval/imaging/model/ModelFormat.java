package org.clinval.imaging.model;

/** How a model's weights are stored, which fixes the engine that runs it. */
public enum ModelFormat {
    /** A DJL block defined in this module ({@code architecture}) with its parameter file. */
    DJL("PyTorch"),
    /** A TorchScript file ({@code .pt}), run by the PyTorch engine. */
    TORCHSCRIPT("PyTorch"),
    /** An ONNX file ({@code .onnx}), run by ONNX Runtime. */
    ONNX("OnnxRuntime");

    private final String engine;

    ModelFormat(String engine) {
        this.engine = engine;
    }

    /** Returns the DJL engine name. */
    public String engine() {
        return engine;
    }
}
