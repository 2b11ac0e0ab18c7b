package org.clinval.imaging.model.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Copies a {@link Tensor} in and the first output out. The input is created in the context's
 * manager, which the predictor closes after every call, so nothing accumulates across requests.
 */
final class TensorTranslator implements NoBatchifyTranslator<Tensor, Tensor> {

    @Override
    public NDList processInput(TranslatorContext ctx, Tensor input) {
        return new NDList(ctx.getNDManager().create(input.data(), new Shape(input.shape())));
    }

    @Override
    public Tensor processOutput(TranslatorContext ctx, NDList list) {
        NDArray a = list.get(0);
        if (a.getDataType() != DataType.FLOAT32) a = a.toType(DataType.FLOAT32, false);
        return new Tensor(a.toFloatArray(), a.getShape().getShape());
    }
}
