package org.clinval.reports.pdf;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.clinval.reports.internal.Text;
import org.clinval.reports.model.ExplanationCaseRow;
import org.clinval.reports.model.ExplanationSection;
import org.clinval.reports.model.ValidationReport;

/**
 * The report's explanations section: the method and its parameters, the pointing-game rate with its
 * Clopper–Pearson interval per kind and overall, the mean energy in the lesion, then per kind a
 * grid of the drawn cases, one row each: the image, the map, the overlay, captioned with the case
 * pseudonym, score, prediction, truth and the map's scores.
 */
final class ExplanationRows {

    static final String MAPS = "Explanation maps";

    /** The explanations sections in print order. */
    static final List<String> SECTIONS = List.of(MAPS);

    private static final int TILE = 256;
    private static final int GAP = 12;

    private ExplanationRows() {}

    static void add(ReportRows r, ExplanationSection s, ValidationReport report) {
        String level = Text.level(s.level());
        String note =
                s.method()
                        + " maps of cases drawn after inference: "
                        + s.perKind()
                        + " per kind ("
                        + String.join(", ", s.kinds())
                        + "), by seed "
                        + s.seed()
                        + ".";
        r.para(
                MAPS,
                note,
                "Method: "
                        + s.method()
                        + (s.parameters().isEmpty() ? "" : " (" + s.parameters() + ")")
                        + ". Pointing game: a hit when the map's peak pixel lies inside the"
                        + " reference lesion"
                        + (s.tolerancePx() == 0
                                ? ""
                                : " or within " + s.tolerancePx() + " pixels of it")
                        + "; maps of cases without a lesion are not counted. Energy in the"
                        + " lesion: the share of the map's positive attribution inside the lesion"
                        + " mask. Rates with "
                        + level
                        + " Clopper\u2013Pearson intervals; the mean energy with a "
                        + level
                        + " Student t interval (clipped to [0, 1]).");
        r.statHead(
                MAPS,
                note,
                "Kind",
                "Hits / maps with a lesion",
                "Pointing rate",
                level + " CI",
                "Mean energy",
                level + " CI");
        s.pointingByKind()
                .forEach(
                        (k, g) ->
                                r.stat(
                                        MAPS,
                                        note,
                                        k,
                                        counts(g),
                                        Text.estimate(g.rate()),
                                        Text.interval(g.ci()),
                                        "",
                                        ""));
        r.stat(
                MAPS,
                note,
                "All drawn cases",
                counts(s.pointing()),
                Text.estimate(s.pointing().rate()),
                Text.interval(s.pointing().ci()),
                Text.estimate(s.energyMean()),
                Text.interval(s.energyCi()));
        for (String kind : s.kinds()) {
            List<ExplanationCaseRow> of =
                    s.cases().stream().filter(c -> c.kind().equals(kind)).toList();
            r.para(
                    MAPS,
                    note,
                    capital(kind.replace('-', ' '))
                            + ": "
                            + (of.isEmpty()
                                    ? "none in this study."
                                    : of.size()
                                            + " case"
                                            + (of.size() == 1 ? "" : "s")
                                            + "; left to right the image (the reference lesion"
                                            + " outlined in green), the map and the overlay."));
            for (ExplanationCaseRow c : of) {
                if (!c.problem().isEmpty() || !c.hasImages()) {
                    r.para(
                            MAPS,
                            note,
                            c.caseId()
                                    + ": no map"
                                    + (c.problem().isEmpty() ? "" : " (" + c.problem() + ")")
                                    + ".");
                    continue;
                }
                r.strip(MAPS, note, strip(c), caption(c));
            }
        }
    }

    private static String counts(ExplanationSection.Pointing g) {
        return g.hits()
                + " / "
                + g.trials()
                + (g.noLesion() > 0 ? " (+" + g.noLesion() + " without)" : "");
    }

    private static String caption(ExplanationCaseRow c) {
        List<String> parts = new ArrayList<>();
        parts.add(c.caseId());
        parts.add("score " + Text.number(c.score()));
        parts.add("prediction " + c.prediction());
        parts.add("truth " + c.truth());
        parts.add(
                "pointing game: "
                        + c.pointingHit().map(h -> h ? "hit" : "miss").orElse("no lesion"));
        parts.add("energy in the lesion " + Text.estimate(c.energyInMask()));
        parts.add("explains the " + c.target());
        return String.join(" \u00b7 ", parts) + ". Files: " + c.folder() + "/.";
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** The three images side by side on white, each scaled to {@value #TILE} pixels high. */
    static byte[] strip(ExplanationCaseRow c) {
        try {
            BufferedImage original = read(c.original());
            if (c.lesion().length > 0) original = outline(original, read(c.lesion()));
            BufferedImage[] tiles = {original, read(c.map()), read(c.overlay())};
            int width = 0;
            int[] w = new int[3];
            for (int i = 0; i < 3; i++) {
                w[i] = Math.max(1, tiles[i].getWidth() * TILE / tiles[i].getHeight());
                width += w[i];
            }
            width += 2 * GAP;
            BufferedImage out = new BufferedImage(width, TILE, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, TILE);
            int x = 0;
            for (int i = 0; i < 3; i++) {
                g.drawImage(tiles[i], x, 0, w[i], TILE, null);
                x += w[i] + GAP;
            }
            g.dispose();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(out, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compose the images of " + c.caseId(), e);
        }
    }

    /** The image with the lesion's boundary pixels (inside, with a 4-neighbour outside) green. */
    private static BufferedImage outline(BufferedImage image, BufferedImage lesion) {
        int w = image.getWidth(), h = image.getHeight();
        if (lesion.getWidth() != w || lesion.getHeight() != h) return image;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(image, 0, 0, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!inside(lesion, x, y)) continue;
                if (!inside(lesion, x - 1, y)
                        || !inside(lesion, x + 1, y)
                        || !inside(lesion, x, y - 1)
                        || !inside(lesion, x, y + 1)) {
                    out.setRGB(x, y, 0x33CC33);
                }
            }
        }
        return out;
    }

    private static boolean inside(BufferedImage mask, int x, int y) {
        return x >= 0
                && y >= 0
                && x < mask.getWidth()
                && y < mask.getHeight()
                && (mask.getRGB(x, y) & 0xFF) > 127;
    }

    private static BufferedImage read(byte[] png) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        if (img == null) throw new IOException("not a PNG");
        return img;
    }
}
