package org.clinval.app.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clinval.app.Main;

/** Runs the command line in process and reads the validation module's reference tables. */
public record CliRun(int exit, String out, String err) {

    /** The validation module's reference tables; Maven runs tests from the module folder. */
    public static final Path REFERENCE =
            Path.of("..", "validation", "src", "test", "resources", "reference");

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** Parses JSON text, e.g. a file a command wrote. */
    public static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    public JsonNode json() {
        try {
            return new ObjectMapper().readTree(out);
        } catch (IOException e) {
            throw new AssertionError("stdout is not JSON: " + out, e);
        }
    }

    /** Returns the rows of reference CSV {@code name} (after its {@code #} lines) as maps. */
    public static List<Map<String, String>> reference(String name) {
        try {
            List<String> lines =
                    Files.readAllLines(REFERENCE.resolve(name)).stream()
                            .filter(l -> !l.startsWith("#") && !l.isBlank())
                            .toList();
            String[] header = lines.get(0).split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length; i++) row.put(header[i], f[i]);
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the single reference row whose columns match {@code key} (pairs of name, value). */
    public static Map<String, String> referenceRow(String name, String... key) {
        List<Map<String, String>> hits =
                reference(name).stream()
                        .filter(
                                r -> {
                                    for (int i = 0; i < key.length; i += 2) {
                                        if (!key[i + 1].equals(r.get(key[i]))) return false;
                                    }
                                    return true;
                                })
                        .toList();
        if (hits.size() != 1) {
            throw new AssertionError(hits.size() + " rows of " + name + " match " + List.of(key));
        }
        return hits.get(0);
    }
}
