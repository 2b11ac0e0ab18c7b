package org.clinval.imaging.model.training.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * Binary cross-entropy on logits, plus (for segmentation) the soft Dice loss over the batch.
 *
 * <p>BCE per element, numerically stable: {@code max(x, 0) − x·y + log(1 + e^−|x|)}, averaged. Soft
 * Dice: {@code 1 − (2 Σ p·y + 1) / (Σ p + Σ y + 1)} with {@code p = σ(x)}, summed over every pixel
 * of the batch (Milletari et al. 2016, doi:10.1109/3DV.2016.79); the +1 keeps it defined for
 * batches without nodule pixels.
 */
public final class BceDiceLoss extends Loss {

    private final double diceWeight;

    /** A loss of BCE plus {@code diceWeight} times soft Dice (0 for BCE alone). */
    public BceDiceLoss(double diceWeight) {
        super(diceWeight > 0 ? "bce+dice" : "bce");
        this.diceWeight = diceWeight;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray x = predictions.singletonOrThrow();
        NDArray y = labels.singletonOrThrow().reshape(x.getShape());
        NDArray bce = x.maximum(0).sub(x.mul(y)).add(x.abs().neg().exp().add(1).log()).mean();
        if (diceWeight <= 0) return bce;
        NDArray p = Activation.sigmoid(x);
        NDArray dice = p.mul(y).sum().mul(2).add(1).div(p.sum().add(y.sum()).add(1)).neg().add(1);
        return bce.add(dice.mul(diceWeight));
    }
}
