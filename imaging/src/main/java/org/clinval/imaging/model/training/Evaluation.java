package org.clinval.imaging.model.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.clinval.imaging.explain.ExplanationMap;
import org.clinval.imaging.explain.GradCam;
import org.clinval.imaging.model.ImageModel;
import org.clinval.imaging.model.ImagePredictor;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.ModelRunException;
import org.clinval.imaging.model.Prediction;
import org.clinval.imaging.model.Task;
import org.clinval.imaging.model.training.internal.Progress;
import org.clinval.imaging.phantom.Lesion;
import org.clinval.imaging.phantom.PhantomCase;
import org.clinval.imaging.phantom.PhantomGenerator;

/**
 * Runs a model over a freshly generated phantom study and returns one {@link CaseResult} per case;
 * the statistics over them (AUC, mean Dice, Grad-CAM hit rate) are computed by the caller.
 *
 * <p>Dice per case: {@code 2|P ∩ T| / (|P| + |T|)} over the whole slice, 0 when the model marks
 * nothing on a case with a nodule, undefined (empty) when both masks are empty.
 */
public final class Evaluation {

    private Evaluation() {}

    /**
     * Evaluates {@code model} on phantoms {@code 0 … cases−1} of {@code seed} (256 × 256,
     * prevalence 0.5). With {@code gradCam}, a classifier's true positives also get a Grad-CAM map
     * whose peak is checked against the nodule mask.
     */
    public static List<CaseResult> run(
            ImageModel model, long seed, int cases, boolean gradCam, Consumer<String> progress)
            throws ModelRunException {
        PhantomGenerator g =
                PhantomGenerator.builder().setSeed(seed).setSize(256).setPrevalence(0.5).build();
        boolean seg = model.descriptor().task() == Task.SEGMENTATION;
        List<CaseResult> out = new ArrayList<>(cases);
        long start = System.nanoTime();
        int chunk = 8;
        try (ImagePredictor p = model.newPredictor()) {
            for (int from = 0; from < cases; from += chunk) {
                List<PhantomCase> part =
                        java.util.stream.IntStream.range(from, Math.min(cases, from + chunk))
                                .parallel()
                                .mapToObj(g::generateCase)
                                .toList();
                List<ImageSlice> slices =
                        part.stream().map(c -> ImageSlice.of(c.image(), 0)).toList();
                List<Prediction> preds = p.predictAll(slices);
                for (int k = 0; k < part.size(); k++) {
                    out.add(result(model, part.get(k), slices.get(k), preds.get(k), seg, gradCam));
                }
                if (out.size() % 40 == 0 || out.size() == cases) {
                    progress.accept(Progress.line("evaluate", out.size(), cases, start));
                }
            }
        }
        return out;
    }

    private static CaseResult result(
            ImageModel model,
            PhantomCase c,
            ImageSlice slice,
            Prediction pred,
            boolean seg,
            boolean gradCam)
            throws ModelRunException {
        boolean[] truth = c.image().mask();
        int truthPixels = count(truth);
        double diameter = c.lesions().stream().mapToDouble(Lesion::diameterMm).max().orElse(0);
        int predicted = 0;
        OptionalDouble dice = OptionalDouble.empty();
        if (seg) {
            boolean[] m = pred.mask().orElseThrow();
            predicted = count(m);
            int both = 0;
            for (int i = 0; i < m.length; i++) if (m[i] && truth[i]) both++;
            if (predicted + truthPixels > 0) {
                dice = OptionalDouble.of(2.0 * both / (predicted + truthPixels));
            }
        }
        Optional<Boolean> hit = Optional.empty();
        if (gradCam && !seg && c.positive() && pred.positive()) {
            ExplanationMap map = GradCam.explain(model, slice);
            hit = Optional.of(truth[map.peakIndex()]);
        }
        return new CaseResult(
                c.caseId(),
                c.site().id(),
                c.positive(),
                diameter,
                pred.probability(),
                truthPixels,
                predicted,
                dice,
                hit);
    }

    private static int count(boolean[] m) {
        int n = 0;
        for (boolean b : m) if (b) n++;
        return n;
    }
}
