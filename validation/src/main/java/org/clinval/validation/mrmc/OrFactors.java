package org.clinval.validation.mrmc;

/** Which factors of an Obuchowski–Rockette analysis are random, i.e. what the results apply to. */
public enum OrFactors {
    /** Readers and cases random: results apply to the populations of readers and cases. */
    RANDOM_READERS_RANDOM_CASES,
    /** Readers fixed, cases random: results apply to these readers and the population of cases. */
    FIXED_READERS_RANDOM_CASES,
    /** Readers random, cases fixed: results apply to the population of readers and these cases. */
    RANDOM_READERS_FIXED_CASES;

    /** Returns the factors for {@code readers} and {@code cases}, each "random" or "fixed". */
    public static OrFactors of(String readers, String cases) {
        boolean rr = random("readers", readers);
        boolean rc = random("cases", cases);
        if (rr && rc) return RANDOM_READERS_RANDOM_CASES;
        if (rc) return FIXED_READERS_RANDOM_CASES;
        if (rr) return RANDOM_READERS_FIXED_CASES;
        throw new IllegalArgumentException(
                "readers and cases cannot both be fixed: there is nothing to generalise to");
    }

    private static boolean random(String what, String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "random" -> true;
            case "fixed" -> false;
            default ->
                    throw new IllegalArgumentException(
                            what + " is not one of random, fixed: " + text);
        };
    }
}
