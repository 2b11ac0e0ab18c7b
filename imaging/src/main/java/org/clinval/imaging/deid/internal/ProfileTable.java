package org.clinval.imaging.deid.internal;

import com.pixelmed.dicom.AttributeTag;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PS3.15 Table E.1-1, the attributes of the Basic Application Level Confidentiality Profile with
 * their actions, loaded from {@code basic-profile.tsv}. Tags with {@code xx} (repeating groups such
 * as overlays, 60xx) match any digit there.
 */
public final class ProfileTable {

    /**
     * One row of the table.
     *
     * @param tag the tag as written in the standard, e.g. {@code (0010,0010)} or {@code
     *     (60xx,3000)}
     * @param action the Basic Profile action, e.g. {@code X}, {@code Z}, {@code X/Z/D}, {@code U}
     * @param retainedBy the options that retain it: P patient characteristics, D device identity, I
     *     institution identity, L longitudinal temporal information
     * @param name the attribute's name in the standard
     */
    public record Row(String tag, String action, String retainedBy, String name) {

        /** Returns whether the action is to replace UIDs (the row is then handled by remapping). */
        public boolean isUid() {
            return action.contains("U");
        }

        /** Returns whether the only action allowed is removal. */
        public boolean isRemoveOnly() {
            return action.equals("X");
        }

        /** Returns whether a dummy or zero-length value is allowed (Z or D in the action). */
        public boolean allowsReplacement() {
            return action.contains("Z") || action.contains("D");
        }
    }

    private static final ProfileTable INSTANCE = load();

    private final Map<Long, Row> exact = new HashMap<>();
    private final List<long[]> maskKeys = new ArrayList<>();
    private final List<Row> maskRows = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();

    private ProfileTable() {}

    /** Returns the table. */
    public static ProfileTable get() {
        return INSTANCE;
    }

    /** Returns every row, in the order of the standard. */
    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Returns the row of {@code tag}, if the table lists it. */
    public Optional<Row> find(AttributeTag tag) {
        long key = ((long) tag.getGroup() << 16) | tag.getElement();
        Row r = exact.get(key);
        if (r != null) {
            return Optional.of(r);
        }
        for (int i = 0; i < maskKeys.size(); i++) {
            long[] m = maskKeys.get(i);
            if ((key & m[1]) == m[0]) {
                return Optional.of(maskRows.get(i));
            }
        }
        return Optional.empty();
    }

    private static ProfileTable load() {
        ProfileTable t = new ProfileTable();
        try (InputStream in = ProfileTable.class.getResourceAsStream("basic-profile.tsv")) {
            if (in == null) {
                throw new IllegalStateException("basic-profile.tsv is missing from the jar");
            }
            BufferedReader r =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                Row row = new Row(f[0], f[1], f[2].equals("-") ? "" : f[2], f[3]);
                t.rows.add(row);
                String hex = f[0].substring(1, 5) + f[0].substring(6, 10);
                if (hex.indexOf('x') < 0) {
                    t.exact.put(Long.parseLong(hex, 16), row);
                } else {
                    long value = Long.parseLong(hex.replace('x', '0'), 16);
                    StringBuilder mask = new StringBuilder();
                    for (char c : hex.toCharArray()) {
                        mask.append(c == 'x' ? '0' : 'F');
                    }
                    t.maskKeys.add(new long[] {value, Long.parseLong(mask.toString(), 16)});
                    t.maskRows.add(row);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot load the PS3.15 profile table", e);
        }
        return t;
    }
}
