package org.clinval.validation.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A reference table under {@code src/test/resources/reference/}: a CSV whose leading {@code #}
 * lines record its provenance (the program, version and exact call that produced it), then a header
 * row and data rows. Values are plain, unquoted; {@code NA} stands for a missing value.
 */
public final class ReferenceTable {

    private final String name;
    private final List<String> provenance;
    private final List<String> header;
    private final List<String[]> rows;

    private ReferenceTable(
            String name, List<String> provenance, List<String> header, List<String[]> rows) {
        this.name = name;
        this.provenance = provenance;
        this.header = header;
        this.rows = rows;
    }

    /** Loads {@code reference/<name>} from the test class path. */
    public static ReferenceTable load(String name) {
        String path = "/reference/" + name;
        try (InputStream in = ReferenceTable.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no reference table " + path);
            }
            BufferedReader r =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> provenance = new ArrayList<>();
            List<String> header = null;
            List<String[]> rows = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#")) {
                    provenance.add(line);
                } else if (line.isBlank()) {
                    continue;
                } else if (header == null) {
                    header = Arrays.asList(line.split(",", -1));
                } else {
                    rows.add(line.split(",", -1));
                }
            }
            if (provenance.isEmpty()) {
                throw new IllegalStateException(path + " has no provenance header");
            }
            return new ReferenceTable(name, provenance, header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the provenance lines. */
    public List<String> provenance() {
        return provenance;
    }

    /** Returns the rows as column-name → text maps, in file order. */
    public List<Map<String, String>> rows() {
        List<Map<String, String>> out = new ArrayList<>();
        for (String[] row : rows) {
            if (row.length != header.size()) {
                throw new IllegalStateException(
                        name + ": row with " + row.length + " fields: " + String.join(",", row));
            }
            Map<String, String> m = new TreeMap<>();
            for (int i = 0; i < row.length; i++) m.put(header.get(i), row[i]);
            out.add(m);
        }
        return out;
    }

    /** Returns a numeric column; {@code NA} becomes NaN (a test must check for it explicitly). */
    public double[] doubles(String column) {
        int c = header.indexOf(column);
        if (c < 0) throw new IllegalArgumentException(name + " has no column " + column);
        return rows.stream()
                .mapToDouble(r -> "NA".equals(r[c]) ? Double.NaN : Double.parseDouble(r[c]))
                .toArray();
    }

    /** Returns a text column. */
    public String[] strings(String column) {
        int c = header.indexOf(column);
        if (c < 0) throw new IllegalArgumentException(name + " has no column " + column);
        return rows.stream().map(r -> r[c]).toArray(String[]::new);
    }
}
