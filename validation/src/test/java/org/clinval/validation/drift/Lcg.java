package org.clinval.validation.drift;

import java.util.ArrayList;
import java.util.List;

/**
 * The sample generator shared with {@code src/test/python/drift_reference.py}: a 64-bit linear
 * congruential generator (Knuth's MMIX constants) whose top 53 bits give a uniform double, turned
 * into samples with IEEE-exact operations only, so Java and Python draw identical numbers.
 */
final class Lcg {

    private static final double SQRT3 = Math.sqrt(3.0);
    private long s;

    Lcg(long seed) {
        this.s = seed;
    }

    double next() {
        s = s * 6364136223846793005L + 1442695040888963407L;
        return (s >>> 11) * 0x1.0p-53;
    }

    /** A sample from a spec {@code kind:n:seed:a:b} as in the Python script. */
    static double[] sample(String spec) {
        String[] f = spec.split(":");
        int n = Integer.parseInt(f[1]);
        Lcg g = new Lcg(Long.parseLong(f[2]));
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] =
                    switch (f[0]) {
                        case "normal" -> {
                            double u = g.next() + g.next();
                            u = u + g.next();
                            u = u + g.next();
                            yield Double.parseDouble(f[3])
                                    + Double.parseDouble(f[4]) * ((u - 2.0) * SQRT3);
                        }
                        case "uniform" -> {
                            double lo = Double.parseDouble(f[3]);
                            double hi = Double.parseDouble(f[4]);
                            yield lo + (hi - lo) * g.next();
                        }
                        case "integers" -> Math.floor(g.next() * Integer.parseInt(f[3]));
                        case "constant" -> Double.parseDouble(f[3]);
                        default -> throw new IllegalArgumentException(spec);
                    };
        }
        return x;
    }

    /** A categorical sample from a spec {@code n:seed:NAME=w/NAME=w/...}. */
    static String[] categories(String spec) {
        String[] f = spec.split(":", 3);
        int n = Integer.parseInt(f[0]);
        Lcg g = new Lcg(Long.parseLong(f[1]));
        List<String> names = new ArrayList<>();
        List<Double> cumulative = new ArrayList<>();
        double total = 0;
        for (String part : f[2].split("/")) {
            String[] nw = part.split("=");
            total += Double.parseDouble(nw[1]);
            names.add(nw[0]);
            cumulative.add(total);
        }
        String[] out = new String[n];
        for (int k = 0; k < n; k++) {
            double u = g.next();
            int i = 0;
            while (i < cumulative.size() - 1 && u >= cumulative.get(i)) i++;
            out[k] = names.get(i);
        }
        return out;
    }
}
