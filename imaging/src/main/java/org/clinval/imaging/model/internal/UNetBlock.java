package org.clinval.imaging.model.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A three-level 2D U-Net (Ronneberger et al. 2015, doi:10.1007/978-3-319-24574-4_28) with batch
 * norm and nearest-neighbour upsampling followed by a 3×3 convolution: input {@code (N, 1, H, W)}
 * with H and W multiples of 8, output {@code (N, 1, H, W)} logits.
 */
final class UNetBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Block enc1, enc2, enc3, bottom, up3, dec3, up2, dec2, up1, dec1, out;

    UNetBlock(int base) {
        super(VERSION);
        enc1 = addChildBlock("enc1", doubleConv(base));
        enc2 = addChildBlock("enc2", doubleConv(2 * base));
        enc3 = addChildBlock("enc3", doubleConv(4 * base));
        bottom = addChildBlock("bottom", doubleConv(8 * base));
        up3 = addChildBlock("up3", upsample(4 * base));
        dec3 = addChildBlock("dec3", doubleConv(4 * base));
        up2 = addChildBlock("up2", upsample(2 * base));
        dec2 = addChildBlock("dec2", doubleConv(2 * base));
        up1 = addChildBlock("up1", upsample(base));
        dec1 = addChildBlock("dec1", doubleConv(base));
        out =
                addChildBlock(
                        "out",
                        Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(1).build());
    }

    private static Block doubleConv(int filters) {
        return new SequentialBlock()
                .add(Architectures.convBnRelu(filters))
                .add(Architectures.convBnRelu(filters));
    }

    /** The convolution after a nearest-neighbour 2× upsampling (see {@link #up}). */
    private static Block upsample(int filters) {
        return Architectures.convBnRelu(filters);
    }

    /**
     * Nearest-neighbour 2× upsampling by repeating rows and columns (the PyTorch engine does not
     * implement transposed convolution).
     */
    private static NDList up(NDArray x) {
        return new NDList(x.repeat(2, 2).repeat(3, 2));
    }

    private static NDArray pool(NDArray x) {
        return Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
    }

    private static NDList cat(NDArray a, NDArray b) {
        return new NDList(a.concat(b, 1));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray e1 = enc1.forward(ps, inputs, training).singletonOrThrow();
        NDArray e2 = enc2.forward(ps, new NDList(pool(e1)), training).singletonOrThrow();
        NDArray e3 = enc3.forward(ps, new NDList(pool(e2)), training).singletonOrThrow();
        NDArray b = bottom.forward(ps, new NDList(pool(e3)), training).singletonOrThrow();
        NDArray u3 = up3.forward(ps, up(b), training).singletonOrThrow();
        NDArray d3 = dec3.forward(ps, cat(u3, e3), training).singletonOrThrow();
        NDArray u2 = up2.forward(ps, up(d3), training).singletonOrThrow();
        NDArray d2 = dec2.forward(ps, cat(u2, e2), training).singletonOrThrow();
        NDArray u1 = up1.forward(ps, up(d2), training).singletonOrThrow();
        NDArray d1 = dec1.forward(ps, cat(u1, e1), training).singletonOrThrow();
        return out.forward(ps, new NDList(d1), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape s = inputs[0];
        return new Shape[] {new Shape(s.get(0), 1, s.get(2), s.get(3))};
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        long n = s.get(0), h = s.get(2), w = s.get(3);
        Shape s1 = init(enc1, manager, dataType, s);
        Shape s2 = init(enc2, manager, dataType, half(s1));
        Shape s3 = init(enc3, manager, dataType, half(s2));
        Shape sb = init(bottom, manager, dataType, half(s3));
        Shape su3 = init(up3, manager, dataType, twice(sb));
        Shape sd3 =
                init(dec3, manager, dataType, new Shape(n, su3.get(1) + s3.get(1), h / 4, w / 4));
        Shape su2 = init(up2, manager, dataType, twice(sd3));
        Shape sd2 =
                init(dec2, manager, dataType, new Shape(n, su2.get(1) + s2.get(1), h / 2, w / 2));
        Shape su1 = init(up1, manager, dataType, twice(sd2));
        Shape sd1 = init(dec1, manager, dataType, new Shape(n, su1.get(1) + s1.get(1), h, w));
        init(out, manager, dataType, sd1);
    }

    private static Shape init(Block b, NDManager m, DataType t, Shape in) {
        b.initialize(m, t, in);
        return b.getOutputShapes(new Shape[] {in})[0];
    }

    private static Shape twice(Shape s) {
        return new Shape(s.get(0), s.get(1), s.get(2) * 2, s.get(3) * 2);
    }

    private static Shape half(Shape s) {
        return new Shape(s.get(0), s.get(1), s.get(2) / 2, s.get(3) / 2);
    }
}
