package org.clinval.reports.study;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The report's one line of explanation settings, without each case's own target. */
class ExplanationSettingsTest {

    @Test
    void mapsOfDifferentPredictedGradesShareOneLineOfSettings() {
        String a = "layer=features (last convolution);target=class 0 (predicted)";
        String b = "layer=features (last convolution);target=class 3 (predicted)";
        assertThat(ExplanationSections.settings(a))
                .isEqualTo(ExplanationSections.settings(b))
                .isEqualTo(
                        "layer=features (last convolution); target=the predicted class of each"
                                + " case");
    }

    @Test
    void aNamedTargetIsLeftToTheCaptionsAndOtherSettingsAreKept() {
        assertThat(ExplanationSections.settings("patch=32;stride=16;target=class 2;fill_hu=-850"))
                .isEqualTo("patch=32; stride=16; fill_hu=-850");
    }
}
