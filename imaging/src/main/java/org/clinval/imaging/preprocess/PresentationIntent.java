package org.clinval.imaging.preprocess;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Accepts only images of the given Presentation Intent Types (0008,0068), leaving their values
 * unchanged: a model trained on processed X-rays ({@code FOR PRESENTATION}) must not score raw
 * detector data ({@code FOR PROCESSING}), whose grey levels mean something else. An image without
 * the attribute (CR, CT, MR have none) is accepted only when {@code acceptAbsent}.
 *
 * @param accept the accepted values, e.g. {@code [FOR PRESENTATION]} (upper case, not empty)
 * @param acceptAbsent whether an image without a Presentation Intent Type is accepted
 */
public record PresentationIntent(List<String> accept, boolean acceptAbsent) implements Transform {

    /** The values PS3.3 C.8.11.1.1.1 defines. */
    public static final List<String> VALUES = List.of("FOR PRESENTATION", "FOR PROCESSING");

    public PresentationIntent {
        accept = accept.stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).toList();
        if (accept.isEmpty()) {
            throw new IllegalArgumentException("accepts no presentation intent");
        }
        for (String a : accept) {
            if (!VALUES.contains(a)) {
                throw new IllegalArgumentException(
                        "presentation intent '" + a + "' is not one of " + VALUES);
            }
        }
    }

    @Override
    public Raster apply(Raster in) {
        return apply(in, ImageContext.NONE);
    }

    @Override
    public Raster apply(Raster in, ImageContext context) {
        if (context.presentationIntent().isEmpty()) {
            if (acceptAbsent) return in;
            throw new IllegalArgumentException(
                    "the image has no Presentation Intent Type (0008,0068); the model accepts "
                            + String.join(", ", accept));
        }
        String intent = context.presentationIntent().get().trim().toUpperCase(Locale.ROOT);
        if (!accept.contains(intent)) {
            throw new IllegalArgumentException(
                    "the image is "
                            + intent
                            + " (Presentation Intent Type); the model accepts "
                            + String.join(", ", accept));
        }
        return in;
    }

    @Override
    public String name() {
        return "presentation_intent";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("accept", accept);
        p.put("when_absent", acceptAbsent ? "accept" : "refuse");
        return p;
    }
}
