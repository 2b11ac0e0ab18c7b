package org.clinval.common.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML file read for checking: its values as a tree, the line and column of every key and value,
 * and every problem found in it, by the parser, a JSON Schema ({@link YamlSchema}) or the reader
 * that walks it ({@link YamlMap}). Problems are kept one per YAML path (the first found wins, so a
 * value is not reported twice) and listed in the order of the file.
 *
 * <p>Only plain YAML is read: tags that construct objects, merge keys and duplicate keys make the
 * file unreadable (each is reported, with its line); numbers that are not finite ({@code .nan},
 * {@code .inf}) are reported where they stand.
 */
public final class YamlDocument {

    /** The largest file read: a study file is small, and a huge one is a mistake or an attack. */
    public static final int MAX_BYTES = 16 << 20;

    private final String source;
    private final Map<String, int[]> values = new HashMap<>();
    private final Map<String, int[]> keys = new HashMap<>();
    private final List<YamlProblem> problems = new ArrayList<>();
    private JsonNode root;

    private YamlDocument(String source) {
        this.source = source;
    }

    /**
     * Reads a UTF-8 file (a byte-order mark is skipped); {@code source} names it in messages. A
     * file that is too large, not UTF-8, not YAML or empty gives a document with that problem and
     * no values.
     *
     * @throws IOException if the file cannot be read (a missing file included)
     */
    public static YamlDocument read(Path file, String source) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            return unreadable(
                    source, "is " + size + " bytes; a file read here is at most " + MAX_BYTES);
        }
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes))
                            .toString();
        } catch (CharacterCodingException e) {
            return unreadable(source, "is not UTF-8 text");
        }
        return parse(text, source);
    }

    /** Parses {@code text}; {@code source} names it in messages. */
    public static YamlDocument parse(String text, String source) {
        YamlDocument d = new YamlDocument(source);
        LongValues longValues = new LongValues();
        String t = longValues.cut(text.startsWith("\uFEFF") ? text.substring(1) : text);
        d.root = new TreeBuilder(d).build(t);
        longValues.report(d);
        return d;
    }

    /** Returns a document of values made in code (no lines), e.g. to check them the same way. */
    public static YamlDocument of(JsonNode tree, String source) {
        YamlDocument d = new YamlDocument(source);
        d.root = tree;
        return d;
    }

    /** Returns a document that could not be read, with {@code what} as its one problem. */
    public static YamlDocument unreadable(String source, String what) {
        YamlDocument d = new YamlDocument(source);
        d.problem("", what);
        return d;
    }

    /** Returns the name of the file in messages. */
    public String source() {
        return source;
    }

    /** Returns whether the file was read into values (it may still have problems). */
    public boolean loaded() {
        return root != null;
    }

    /** Returns the top value, if the file was read. */
    public Optional<YamlValue> root() {
        return root == null ? Optional.empty() : Optional.of(new YamlValue(this, "", root));
    }

    /**
     * Returns the top mapping; a file that was read but holds no mapping gets a problem saying so.
     */
    public Optional<YamlMap> rootMap() {
        return root().flatMap(YamlValue::asMap);
    }

    /** Records a problem of the value at {@code path}, unless that path has one already. */
    public void problem(String path, String what) {
        add(path, what, false);
    }

    /** Records a problem of the key at {@code path} (an unknown or duplicate key). */
    public void problemAtKey(String path, String what) {
        add(path, what, true);
    }

    private void add(String path, String what, boolean atKey) {
        if (hasProblem(path)) {
            return;
        }
        int[] at = location(path, atKey);
        problems.add(new YamlProblem(source, at[0], at[1], path, what));
    }

    /** Records a problem at a given line and column, unless {@code path} has one already. */
    void problem(String path, int line, int column, String what) {
        if (!hasProblem(path)) {
            problems.add(new YamlProblem(source, line, column, path, what));
        }
    }

    /** Returns whether the value at {@code path} has a problem already. */
    public boolean hasProblem(String path) {
        return problems.stream().anyMatch(p -> p.path().equals(path));
    }

    /** Returns whether the value at {@code path} or any value inside it has a problem. */
    public boolean hasProblemWithin(String path) {
        return problems.stream()
                .map(YamlProblem::path)
                .anyMatch(
                        p ->
                                p.equals(path)
                                        || path.isEmpty()
                                        || p.startsWith(path + ".")
                                        || p.startsWith(path + "["));
    }

    /** Returns whether any problem was found. */
    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Returns every problem, in the order of the file (problems of the whole file first). */
    public List<YamlProblem> problems() {
        List<YamlProblem> out = new ArrayList<>(problems);
        out.sort(Comparator.comparingInt(YamlProblem::line).thenComparingInt(YamlProblem::column));
        return List.copyOf(out);
    }

    /**
     * Returns line and column of the path's key (when {@code atKey}) or value; for a path that is
     * not in the file (a missing key), those of the nearest mapping or list that holds it.
     */
    private int[] location(String path, boolean atKey) {
        if (atKey && keys.containsKey(path)) return keys.get(path);
        if (values.containsKey(path)) return values.get(path);
        String p = path;
        while (!p.isEmpty()) {
            p = parent(p);
            if (keys.containsKey(p)) return keys.get(p);
            if (values.containsKey(p)) return values.get(p);
        }
        return new int[] {0, 0};
    }

    /** Returns the path of the mapping or list holding {@code path}. */
    static String parent(String path) {
        if (path.endsWith("]")) {
            return path.substring(0, path.lastIndexOf('['));
        }
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf(']');
        return dot > bracket
                ? path.substring(0, dot)
                : bracket >= 0 ? path.substring(0, bracket + 1) : "";
    }

    /** Returns the path of {@code key} in the mapping at {@code path}. */
    public static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Returns the path of element {@code i} of the list at {@code path}. */
    public static String element(String path, int i) {
        return path + "[" + i + "]";
    }

    void valueAt(String path, int line, int column) {
        values.putIfAbsent(path, new int[] {line, column});
    }

    void keyAt(String path, int line, int column) {
        keys.putIfAbsent(path, new int[] {line, column});
    }

    /** Returns the path of the value that starts at {@code line} and {@code column}, or empty. */
    String pathAt(int line, int column) {
        return values.entrySet().stream()
                .filter(e -> e.getValue()[0] == line && e.getValue()[1] == column)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("");
    }

    /** Returns the line (from 1) of the value at {@code path}, or 0 when it has none. */
    public int line(String path) {
        int[] at = values.get(path);
        return at == null ? 0 : at[0];
    }

    /** Returns the column (from 1) of the value at {@code path}, or 0 when it has none. */
    public int column(String path) {
        int[] at = values.get(path);
        return at == null ? 0 : at[1];
    }
}
