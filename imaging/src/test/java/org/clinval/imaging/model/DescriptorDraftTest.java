package org.clinval.imaging.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Drafted descriptors read back through the descriptor's own reader (schema and rules) into the
 * same record, with the notes above the keys they speak of.
 */
class DescriptorDraftTest {

    private static final String SHA =
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static DescriptorDraft.Builder classifier(int classes, String... modalities) {
        return DescriptorDraft.builder()
                .setName("tiny_classifier")
                .setFormat(ModelFormat.ONNX)
                .setWeights("tiny_classifier.onnx", SHA)
                .setInput(new InputShape(1, 32, 48), true)
                .setClasses(classes)
                .setModalities(List.of(modalities));
    }

    /** The comment lines right above top-level key {@code key}. */
    private static List<String> above(String yaml, String key) {
        List<String> lines = List.of(yaml.split("\n"));
        int at =
                lines.indexOf(
                        lines.stream().filter(l -> l.startsWith(key + ":")).findFirst().get());
        int from = at;
        while (from > 0 && lines.get(from - 1).startsWith("# ")) from--;
        return lines.subList(from, at).stream().map(l -> l.substring(2)).toList();
    }

    @Test
    void aCtClassifierGetsTheDefaultWindowAResizeToItsInputAndARescale() throws Exception {
        DescriptorDraft draft = classifier(1, "CT").build();
        String yaml = draft.toYaml();

        ModelDescriptor read = ModelDescriptor.parse(yaml, "tiny_classifier.yaml");
        assertThat(read).isEqualTo(draft.descriptor());
        assertThat(read.preprocessing().describe())
                .containsExactly(
                        Map.of("window", Map.of("lower", -1000.0, "upper", 400.0)),
                        Map.of("resize", Map.of("height", 32, "width", 48)),
                        Map.of("rescale", Map.of("lower", -1000.0, "upper", 400.0)));
        assertThat(read.output()).isEqualTo(new OutputSpec(OutputKind.LOGIT, 1, 0));
        assertThat(read.threshold()).isEqualTo(0.5);
        assertThat(read.sha256()).contains(SHA);
        assertThat(read.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(above(yaml, "input")).containsExactly("Read from the model file.");
        assertThat(above(yaml, "preprocessing"))
                .containsExactly(
                        "CHECK: CT in Hounsfield units: the window [-1000, 400] (the default, lung"
                                + " to soft tissue) clips them,",
                        "the image is resized to the model's 32 x 48 and [-1000, 400] mapped to [0,"
                                + " 1]. Use the model's own training steps.");
        assertThat(above(yaml, "output"))
                .containsExactly(
                        "CHECK: logit is the default: the one output becomes a probability by the"
                                + " logistic function;",
                        "use probability if the model ends in a sigmoid, score if its outputs are"
                                + " on a scale of its own.");
        assertThat(yaml).startsWith("# Model descriptor of tiny_classifier, drafted from its");
    }

    @Test
    void aGivenWindowReplacesTheDefaultAndAGivenInputIsMarkedForChecking() throws Exception {
        DescriptorDraft draft =
                classifier(1, "CT")
                        .setInput(new InputShape(1, 32, 48), false)
                        .optWindow(-160, 240)
                        .build();

        assertThat(draft.descriptor().preprocessing().describe().get(0))
                .isEqualTo(Map.of("window", Map.of("lower", -160.0, "upper", 240.0)));
        assertThat(draft.notes().get("input"))
                .containsExactly(
                        "CHECK: the model file does not state its input; this is the size given"
                                + " for it.");
        assertThat(draft.notes().get("preprocessing").get(0))
                .contains("the window [-160, 240] (as given)");
    }

    @Test
    void imagesWithoutAHounsfieldScaleGetOnlyTheResizeAndASayingSo() throws Exception {
        DescriptorDraft draft = classifier(1, "MR").build();

        assertThat(ModelDescriptor.parse(draft.toYaml(), "d.yaml").preprocessing().describe())
                .containsExactly(Map.of("resize", Map.of("height", 32, "width", 48)));
        assertThat(draft.notes().get("preprocessing"))
                .containsExactly(
                        "CHECK: the images are MR, which have no Hounsfield scale, so no intensity"
                                + " step is assumed:",
                        "the model receives the values the images hold (after their modality"
                                + " LUT), resized to 32 x 48.",
                        "Add the steps the model was trained with (window and rescale, or"
                                + " standardize) before this is used.");
    }

    @Test
    void mixedModalitiesAreNotTreatedAsCt() {
        DescriptorDraft draft = classifier(1, "MR", "CT").optWindow(0, 4095).build();

        assertThat(draft.descriptor().preprocessing().steps()).hasSize(3);
        assertThat(draft.notes().get("preprocessing").get(0))
                .isEqualTo(
                        "CHECK: the images are CT, MR, not CT: the range [0, 4095] (as given) is in"
                                + " the values they hold after their");
    }

    @Test
    void twoOutputsTakeTheSecondAsPositiveAndSaySo() throws Exception {
        DescriptorDraft draft = classifier(2, "CT").build();

        assertThat(draft.descriptor().output()).isEqualTo(new OutputSpec(OutputKind.LOGIT, 2, 1));
        assertThat(draft.notes().get("output"))
                .containsExactly(
                        "CHECK: logit is the default: the 2 outputs become probabilities by"
                                + " softmax;",
                        "use probability if the model ends in a softmax, score if its outputs are"
                                + " on a scale of its own.",
                        "CHECK: output 1 (counting from 0) of 2 is the positive class, the last one"
                                + " by default.");
    }

    @Test
    void givenKindAndIndexAreNotMarkedAndScoresGetAPlaceholderThreshold() throws Exception {
        DescriptorDraft draft =
                classifier(3, "CT").optOutputKind(OutputKind.SCORE).optPositiveIndex(0).build();

        assertThat(ModelDescriptor.parse(draft.toYaml(), "d.yaml").output())
                .isEqualTo(new OutputSpec(OutputKind.SCORE, 3, 0));
        assertThat(draft.notes().get("output"))
                .containsExactly(
                        "Output kind score (as given).",
                        "output 0 (counting from 0) of 3 is the positive class.");
        assertThat(draft.notes().get("threshold"))
                .containsExactly("CHECK: 0.5 is a placeholder on the model's own score scale.");
    }

    @Test
    void aNameThatHoldsALineBreakStaysInItsValueAndOutOfTheComments() throws Exception {
        DescriptorDraft draft = classifier(1, "CT").setName("evil\nthreshold: 0.9").build();
        String yaml = draft.toYaml();

        assertThat(ModelDescriptor.parse(yaml, "d.yaml")).isEqualTo(draft.descriptor());
        assertThat(yaml).startsWith("# Model descriptor of evil threshold: 0.9, drafted from its");
        assertThat(draft.descriptor().threshold()).isEqualTo(0.5);
    }

    @Test
    void moreThanTwoOutputsNeedThePositiveIndexAndBadValuesAreRefused() {
        assertThatThrownBy(() -> classifier(3, "CT").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "the model gives 3 outputs, so which one is the positive class must be"
                                + " given");
        assertThatThrownBy(() -> classifier(2, "CT").optPositiveIndex(2).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("positive index is not in [0, 1]: 2");
        assertThatThrownBy(() -> classifier(1, "CT").optWindow(400, -1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window is not finite with lower < upper: 400.0, -1000.0");
        assertThatThrownBy(() -> classifier(1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a draft needs the input, classes, modalities");
    }
}
