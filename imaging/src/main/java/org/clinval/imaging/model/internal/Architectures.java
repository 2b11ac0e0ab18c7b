package org.clinval.imaging.model.internal;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * The built-in architectures, by the name a descriptor gives in {@code architecture}.
 *
 * <ul>
 *   <li>{@value #CLASSIFIER}: {@code features} (conv 16 → pool → conv 32 → conv 48 → conv 48
 *       dilated 2, each conv 3×3 + batch norm + ReLU; stride 2, receptive field 24 pixels) then
 *       {@code head} (a 1×1 conv scores every location, their global maximum is the logit; see
 *       {@link ClassifierHead}). Max pooling lets a small nodule anywhere decide the score and
 *       makes the network indifferent to the image size; the split is what Grad-CAM needs.
 *   <li>{@value #UNET}: a three-level 2D U-Net (8-16-32 channels, 64 at the bottom), two 3×3 conv +
 *       BN + ReLU per level, nearest-neighbour 2× upsampling then conv 3×3 + BN + ReLU, skip
 *       connections by concatenation, a 1×1 conv to one logit per pixel.
 *   <li>{@value #GRADER}: the five-grade retinopathy grader, see {@link GraderBlocks}.
 *   <li>{@value #LESION_CLASSIFIER}: the same network with two softmax logits (no lesion, lesion),
 *       the MR and X-ray phantoms' reference classifiers.
 * </ul>
 */
public final class Architectures {

    public static final String CLASSIFIER = "nodule-classifier-v1";
    public static final String UNET = "nodule-unet-v1";
    public static final String GRADER = "dr-grader-v1";
    public static final String LESION_CLASSIFIER = "lesion-classifier-v1";
    public static final List<String> NAMES = List.of(CLASSIFIER, UNET, GRADER, LESION_CLASSIFIER);

    private Architectures() {}

    /** Returns a new, uninitialised block of the named architecture. */
    public static Block build(String name) {
        return switch (name) {
            case CLASSIFIER -> classifier();
            case UNET -> new UNetBlock(8);
            case GRADER -> GraderBlocks.grader(5);
            case LESION_CLASSIFIER -> GraderBlocks.grader(2);
            default ->
                    throw new IllegalArgumentException(
                            "unknown architecture: " + name + " (known: " + NAMES + ")");
        };
    }

    /**
     * Returns a new, uninitialised block of the named architecture for inputs of {@code channels}
     * channels and {@code classes} outputs (the classifier's head gives one logit per class; the
     * U-Net takes one class). The convolutions take their input channels from the first input's
     * shape when initialised, so {@code channels} is checked, not stored.
     */
    public static Block build(String name, int channels, int classes) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("input channels is not 1 or 3: " + channels);
        }
        return switch (name) {
            case CLASSIFIER -> classifier(channels, classes);
            case UNET -> {
                if (classes != 1) {
                    throw new IllegalArgumentException(
                            UNET + " gives one class per pixel, not " + classes);
                }
                yield new UNetBlock(8);
            }
            case GRADER, LESION_CLASSIFIER -> {
                int own = name.equals(GRADER) ? 5 : 2;
                if (classes != own) {
                    throw new IllegalArgumentException(
                            name + " gives " + own + " class scores, not " + classes);
                }
                yield build(name);
            }
            default ->
                    throw new IllegalArgumentException(
                            "unknown architecture: " + name + " (known: " + NAMES + ")");
        };
    }

    /**
     * The classifier for {@code channels}-channel inputs with {@code classes} logits (1 for a
     * binary classifier, K for a K-grade softmax): the same features, a head of K score maps.
     */
    public static SequentialBlock classifier(int channels, int classes) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("input channels is not 1 or 3: " + channels);
        }
        return new SequentialBlock().add(featureBlock()).add(new ClassifierHead(classes));
    }

    /** The classifier: a sequential block of two children, {@code features} then {@code head}. */
    public static SequentialBlock classifier() {
        return new SequentialBlock().add(featureBlock()).add(new ClassifierHead());
    }

    private static SequentialBlock featureBlock() {
        return new SequentialBlock()
                .add(convBnRelu(16))
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(convBnRelu(32))
                .add(convBnRelu(48))
                .add(convBnRelu(48, 2));
    }

    /** Returns the classifier's feature extractor (its first child). */
    public static Block features(Block classifier) {
        return classifier.getChildren().get(0).getValue();
    }

    /** Returns the classifier's head (its second child). */
    public static Block head(Block classifier) {
        return classifier.getChildren().get(1).getValue();
    }

    static SequentialBlock convBnRelu(int filters) {
        return convBnRelu(filters, 1);
    }

    /** A 3×3 convolution with the given dilation, "same" padding, batch norm and ReLU. */
    static SequentialBlock convBnRelu(int filters, int dilation) {
        return new SequentialBlock()
                .add(
                        Conv2d.builder()
                                .setKernelShape(new Shape(3, 3))
                                .optDilation(new Shape(dilation, dilation))
                                .optPadding(new Shape(dilation, dilation))
                                .setFilters(filters)
                                .optBias(false)
                                .build())
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock());
    }
}
