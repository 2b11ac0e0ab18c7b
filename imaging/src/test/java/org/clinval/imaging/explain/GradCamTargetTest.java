package org.clinval.imaging.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.clinval.imaging.model.BuiltInModel;
import org.clinval.imaging.model.ImageModel;
import org.clinval.imaging.model.ImagePredictor;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.Models;
import org.clinval.imaging.phantom.PhantomGenerator;
import org.junit.jupiter.api.Test;

/** Grad-CAM's target: the positive logit of the single-output built-in classifier. */
class GradCamTargetTest {

    @Test
    void theSingleLogitIsTheTargetWhetherNamedOrPredicted() throws Exception {
        try (ImageModel model = Models.builtIn(BuiltInModel.NODULE_CLASSIFIER);
                ImagePredictor p = model.newPredictor()) {
            ImageSlice s =
                    ImageSlice.of(
                            PhantomGenerator.builder()
                                    .setSeed(5)
                                    .setSize(128)
                                    .setPrevalence(1)
                                    .build()
                                    .generateCase(0)
                                    .image(),
                            0);
            ExplanationMap predicted = GradCam.explain(model, s);
            ExplanationMap named = GradCam.explain(model, s, 0);
            assertThat(named.map()).isEqualTo(predicted.map());
            assertThat(predicted.target()).isEqualTo("positive logit");
            assertThat(named.target()).isEqualTo("positive logit");
            // The explained probability is the predictor's own.
            assertThat(predicted.probability()).isCloseTo(p.predict(s).probability(), within(1e-5));
            assertThatThrownBy(() -> GradCam.explain(model, s, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("target class 1 is not below the model's 1 outputs");
            assertThatThrownBy(() -> GradCam.explain(model, s, -1))
                    .hasMessageContaining("target class is negative: -1");
        }
    }
}
