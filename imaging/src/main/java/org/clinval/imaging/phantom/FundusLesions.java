package org.clinval.imaging.phantom;

/**
 * What a fundus phantom shows, by kind; the kinds and counts set its grade.
 *
 * @param microaneurysms small dark red dots
 * @param haemorrhages dot and blot haemorrhages
 * @param exudates clusters of hard exudates (bright yellow)
 * @param cottonWoolSpots soft pale patches
 * @param haemorrhageQuadrants quadrants (around the disc-fovea centre) that hold a haemorrhage
 * @param venousBeading whether the veins bead (calibre varies along them)
 * @param neovascularisation tufts of new vessels (0 unless proliferative)
 */
public record FundusLesions(
        int microaneurysms,
        int haemorrhages,
        int exudates,
        int cottonWoolSpots,
        int haemorrhageQuadrants,
        boolean venousBeading,
        int neovascularisation) {

    /** Returns the grade these lesions set, by the ICDR-like rules of {@link FundusGenerator}. */
    public int grade() {
        if (neovascularisation > 0) return 4;
        if (haemorrhageQuadrants == 4 && haemorrhages >= 20 || venousBeading) return 3;
        if (haemorrhages > 0 || exudates > 0 || cottonWoolSpots > 0 || microaneurysms > 5) {
            return 2;
        }
        if (microaneurysms > 0) return 1;
        return 0;
    }

    /** Returns whether the image has any lesion (its mask is then not empty). */
    public boolean any() {
        return microaneurysms + haemorrhages + exudates + cottonWoolSpots + neovascularisation > 0;
    }
}
