package org.clinval.workflows.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.clinval.common.Sha256;

/**
 * File names and their SHA-256, written in the format of {@code sha256sum} ({@code <hex> <name>},
 * one per line, sorted by name) so that anyone can check a folder with {@code sha256sum -c}. Names
 * use {@code /} and are relative to the manifest's folder or to a stated root.
 *
 * @param entries SHA-256 per relative name, sorted by name
 */
public record ChecksumManifest(SortedMap<String, String> entries) {

    public ChecksumManifest {
        entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }

    /**
     * Hashes every regular file below {@code root} (recursively), naming each relative to {@code
     * root}, except those whose relative name {@code skip} matches.
     */
    public static ChecksumManifest of(Path root, java.util.function.Predicate<String> skip)
            throws IOException {
        SortedMap<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String name = name(root, f);
                if (!skip.test(name)) {
                    out.put(name, Sha256.of(f));
                }
            }
        }
        return new ChecksumManifest(out);
    }

    /** Returns the name of {@code file} relative to {@code root}, with {@code /} separators. */
    public static String name(Path root, Path file) {
        return root.toAbsolutePath()
                .normalize()
                .relativize(file.toAbsolutePath().normalize())
                .toString()
                .replace(java.io.File.separatorChar, '/');
    }

    /** Returns the manifest text. */
    public String text() {
        StringBuilder s = new StringBuilder();
        entries.forEach((name, sha) -> s.append(sha).append("  ").append(name).append('\n'));
        return s.toString();
    }

    /** Writes the manifest and returns the SHA-256 of what was written. */
    public String write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text(), StandardCharsets.UTF_8);
        return Sha256.of(file);
    }

    /**
     * Reads a manifest written by {@link #write} or {@code sha256sum}.
     *
     * @throws IOException if a line is not {@code <64 hex> <name>}, naming the line
     */
    public static ChecksumManifest read(Path file) throws IOException {
        SortedMap<String, String> out = new TreeMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            if (line.length() < 67 || !line.substring(0, 64).matches("[0-9a-f]{64}")) {
                throw new IOException(
                        file + ", line " + (i + 1) + ": not '<sha256>  <name>': " + line);
            }
            out.put(line.substring(66).replaceFirst("^\\*", ""), line.substring(0, 64));
        }
        return new ChecksumManifest(out);
    }

    /**
     * Returns the content identity of the files listed: the SHA-256 of the manifest text with every
     * name made relative to the names' deepest common folder. Two copies of the same files in
     * different places (a manifest naming absolute paths) get the same identity; any change of a
     * file's content or relative name changes it.
     */
    public String contentSha256() {
        List<String> names = new ArrayList<>(entries.keySet());
        String prefix = names.isEmpty() ? "" : names.get(0);
        for (String n : names) {
            while (!n.startsWith(prefix)) prefix = prefix.substring(0, prefix.length() - 1);
        }
        String root = prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/') + 1) : "";
        StringBuilder s = new StringBuilder();
        entries.forEach(
                (name, sha) ->
                        s.append(sha)
                                .append("  ")
                                .append(name.substring(root.length()))
                                .append('\n'));
        return Sha256.ofText(s.toString());
    }

    /**
     * Returns the differences to {@code later}: names changed, removed and added, each with a word
     * saying which.
     */
    public Map<String, String> differences(ChecksumManifest later) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(entries.keySet());
        later.entries.keySet().stream().filter(n -> !entries.containsKey(n)).forEach(names::add);
        Collections.sort(names);
        for (String n : names) {
            String before = entries.get(n);
            String after = later.entries.get(n);
            if (before == null) out.put(n, "added");
            else if (after == null) out.put(n, "removed");
            else if (!before.equals(after)) out.put(n, "changed");
        }
        return out;
    }
}
