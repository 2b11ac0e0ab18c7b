package org.clinval.imaging.model.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The classifier's head: a 1×1 convolution gives a nodule score at every feature location, and
 * their maximum is the image's logit (multiple-instance pooling). In training it also returns the
 * score map, which a per-location loss ties to where the nodules are; in inference only the logit.
 */
final class ClassifierHead extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Block score;

    private final int classes;

    ClassifierHead() {
        this(1);
    }

    /** A head of {@code classes} score maps, one logit per class (their global maxima). */
    ClassifierHead(int classes) {
        super(VERSION);
        if (classes < 1) {
            throw new IllegalArgumentException("classifier classes is not positive: " + classes);
        }
        this.classes = classes;
        score =
                addChildBlock(
                        "score",
                        Conv2d.builder()
                                .setKernelShape(new Shape(1, 1))
                                .setFilters(classes)
                                .build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray map = score.forward(ps, inputs, training).singletonOrThrow();
        NDArray logit = Pool.globalMaxPool2d(map).reshape(map.getShape().get(0), classes);
        return training ? new NDList(logit, map) : new NDList(logit);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {new Shape(inputs[0].get(0), classes)};
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        score.initialize(manager, dataType, inputShapes[0]);
    }
}
