package org.clinval.common;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A study's images as registered: the inventory in the run folder ({@code case_id, file_id, sha256,
 * status, reason}, files by pseudonymous id) and the case key kept outside it ({@code case_id,
 * file_id, source, …}, the ids' file names). Comparing them with the image folder tells whether any
 * image changed, was added or removed, naming files by id.
 */
public final class ImageInventory {

    private static final CSVFormat CSV =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private ImageInventory() {}

    /**
     * Returns how the image folder {@code images} differs from {@code inventory} through {@code
     * key}: each file hashed again, files added and removed, each named by pseudonymous id (a new
     * file by the case whose folder it is in). Empty when nothing changed. Only hashes.
     */
    public static List<String> changes(Path images, Path inventory, Path key) throws IOException {
        Map<String, String> shaById = new HashMap<>();
        for (CSVRecord r : read(inventory)) {
            shaById.put(r.get("file_id"), r.get("sha256"));
        }
        Map<String, String> idByPath = new TreeMap<>();
        Map<String, String> caseByFolder = new HashMap<>();
        for (CSVRecord r : read(key)) {
            if (!r.get("source").isEmpty()) {
                idByPath.put(r.get("source"), r.get("file_id"));
                caseByFolder.put(r.get("source").split("/", -1)[0], r.get("case_id"));
            }
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Path root = images.toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String rel = root.relativize(f).toString().replace(java.io.File.separatorChar, '/');
            String id = idByPath.get(rel);
            if (id == null) {
                String c = rel.contains("/") ? caseByFolder.get(rel.split("/", -1)[0]) : null;
                out.add(
                        c != null
                                ? "a file was added to case " + c
                                : "a file was added to the image folder, in no registered case");
                continue;
            }
            seen.add(id);
            if (!Sha256.of(f).equals(shaById.get(id))) {
                out.add(id + " changed");
            }
        }
        idByPath.values().stream()
                .filter(id -> !seen.contains(id))
                .sorted()
                .forEach(id -> out.add(id + " was removed"));
        return out;
    }

    /** Returns the number of image files a case key names. */
    public static int files(Path key) throws IOException {
        return (int) read(key).stream().filter(r -> !r.get("source").isEmpty()).count();
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.parse(r, CSV)) {
            return p.getRecords();
        }
    }
}
