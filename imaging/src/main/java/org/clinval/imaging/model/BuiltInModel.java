package org.clinval.imaging.model;

/**
 * The reference models shipped with the module, trained on phantoms (see each model's card next to
 * its weights under {@code org/clinval/imaging/models/<name>/}).
 */
public enum BuiltInModel {
    /** Slice → probability that it holds a nodule. */
    NODULE_CLASSIFIER("nodule-classifier"),
    /** Slice → per-pixel nodule probability (2D U-Net). */
    NODULE_UNET("nodule-unet");

    private final String id;

    BuiltInModel(String id) {
        this.id = id;
    }

    /** Returns the model's name, also its resource folder. */
    public String id() {
        return id;
    }

    /** Returns the classpath folder holding descriptor, weights and card. */
    public String resourceFolder() {
        return "/org/clinval/imaging/models/" + id + "/";
    }

    /** Parses a name such as {@code classifier}, {@code unet} or {@code nodule-unet}. */
    public static BuiltInModel parse(String name) {
        for (BuiltInModel m : values()) {
            if (m.id.equals(name) || m.id.equals("nodule-" + name)) return m;
        }
        throw new IllegalArgumentException(
                "unknown built-in model: " + name + " (known: classifier, unet)");
    }
}
