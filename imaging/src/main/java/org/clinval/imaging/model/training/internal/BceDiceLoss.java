package org.clinval.imaging.model.training.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * Binary cross-entropy on logits, plus soft Dice (segmentation) or a per-location term
 * (classifier).
 *
 * <p>BCE per element, numerically stable: {@code max(x, 0) − x·y + log(1 + e^−|x|)}, averaged. Soft
 * Dice: {@code 1 − (2 Σ p·y + 1) / (Σ p + Σ y + 1)} with {@code p = σ(x)}, summed over every pixel
 * of the batch (Milletari et al. 2016, doi:10.1109/3DV.2016.79); the +1 keeps it defined for
 * batches without nodule pixels. Location term: when the model also outputs a score map and the
 * labels hold the matching nodule map, the BCE of the two, so that the locations that decide the
 * classifier's score are the nodules' own.
 */
public final class BceDiceLoss extends Loss {

    private final double diceWeight;
    private final double locationWeight;

    /** BCE plus {@code diceWeight} × soft Dice plus {@code locationWeight} × location BCE. */
    public BceDiceLoss(double diceWeight, double locationWeight) {
        super(diceWeight > 0 ? "bce+dice" : locationWeight > 0 ? "bce+location" : "bce");
        this.diceWeight = diceWeight;
        this.locationWeight = locationWeight;
    }

    static NDArray bce(NDArray x, NDArray y) {
        return x.maximum(0).sub(x.mul(y)).add(x.abs().neg().exp().add(1).log()).mean();
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray x = predictions.get(0);
        NDArray y = labels.get(0).reshape(x.getShape());
        NDArray loss = bce(x, y);
        if (diceWeight > 0) {
            NDArray p = Activation.sigmoid(x);
            NDArray dice =
                    p.mul(y).sum().mul(2).add(1).div(p.sum().add(y.sum()).add(1)).neg().add(1);
            loss = loss.add(dice.mul(diceWeight));
        }
        if (locationWeight > 0 && predictions.size() > 1 && labels.size() > 1) {
            NDArray map = predictions.get(1);
            loss = loss.add(bce(map, labels.get(1).reshape(map.getShape())).mul(locationWeight));
        }
        return loss;
    }
}
