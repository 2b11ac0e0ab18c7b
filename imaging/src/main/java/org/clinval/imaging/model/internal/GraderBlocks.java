package org.clinval.imaging.model.internal;

import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * The reference grader ({@value Architectures#GRADER}): {@code features} (conv 16 → pool → conv 32
 * → pool → conv 48 → pool → conv 64 → conv 64 dilated 2, each 3×3 + batch norm + ReLU; stride 8, so
 * 16 × 16 maps for a 128 × 128 input) then {@code head} (global average and global maximum of every
 * map side by side, a linear layer to one logit per grade). The average counts how much lesion
 * there is, the maximum whether there is any; the split is what Grad-CAM needs.
 */
final class GraderBlocks {

    private GraderBlocks() {}

    static SequentialBlock grader(int grades) {
        SequentialBlock features =
                new SequentialBlock()
                        .add(Architectures.convBnRelu(16))
                        .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                        .add(Architectures.convBnRelu(32))
                        .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                        .add(Architectures.convBnRelu(48))
                        .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                        .add(Architectures.convBnRelu(64))
                        .add(Architectures.convBnRelu(64, 2));
        ParallelBlock pools =
                new ParallelBlock(
                        list ->
                                new NDList(
                                        NDArrays.concat(
                                                new NDList(
                                                        list.get(0).singletonOrThrow(),
                                                        list.get(1).singletonOrThrow()),
                                                1)),
                        List.of(Pool.globalAvgPool2dBlock(), Pool.globalMaxPool2dBlock()));
        SequentialBlock head =
                new SequentialBlock().add(pools).add(Linear.builder().setUnits(grades).build());
        return new SequentialBlock().add(features).add(head);
    }
}
