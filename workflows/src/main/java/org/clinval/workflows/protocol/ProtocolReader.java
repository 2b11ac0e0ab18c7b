package org.clinval.workflows.protocol;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.clinval.common.yaml.YamlDocument;
import org.clinval.common.yaml.YamlSchema;

/**
 * Reads and checks a study protocol against its published JSON Schema ({@link #SCHEMA}) and the
 * rules a schema cannot state. Every problem of the file is collected in one pass and reported
 * together, each with its line, column and YAML path, so that the QA team fixes the protocol in one
 * round, before anything runs.
 *
 * <p>Relative paths are resolved against a base folder, by default the protocol's own folder, and
 * may not leave it (after {@code ..} and symbolic links are resolved) unless they lie under a
 * folder of {@code allowed_roots}; a path that leaves is refused by name and never opened. Unknown
 * keys are problems too: a misspelt optional key must not silently fall back to nothing. Only plain
 * YAML is accepted (no tags that construct objects, no duplicate keys).
 */
public final class ProtocolReader {

    /** The class-path name of the protocol's JSON Schema, also published in docs/schemas. */
    public static final String SCHEMA = "/org/clinval/workflows/protocol/protocol.schema.json";

    private static final YamlSchema PROTOCOL = YamlSchema.load(ProtocolReader.class, SCHEMA);

    private ProtocolReader() {}

    /**
     * Reads {@code file}, resolving paths against its folder and checking that every named file and
     * folder exists.
     *
     * @throws InvalidProtocolException listing every problem, if there is any
     * @throws IOException if the file cannot be read
     */
    public static StudyProtocol read(Path file) throws InvalidProtocolException, IOException {
        return read(file, folder(file), true);
    }

    /**
     * Reads {@code file}, resolving paths against {@code base}; with {@code checkFiles} also checks
     * that every named file and folder exists.
     *
     * @throws InvalidProtocolException listing every problem, if there is any
     * @throws IOException if the file cannot be read
     */
    public static StudyProtocol read(Path file, Path base, boolean checkFiles)
            throws InvalidProtocolException, IOException {
        YamlDocument doc = YamlDocument.read(file, name(file));
        Optional<StudyProtocol> p = parse(file, doc, base, checkFiles);
        if (p.isEmpty()) {
            throw new InvalidProtocolException(file, problems(doc));
        }
        return p.get();
    }

    /**
     * Returns every problem of the protocol {@code file} (none when it is valid), its paths
     * resolved against its folder and checked to exist: what {@code study check} prints.
     *
     * @throws IOException if the file exists but cannot be read
     */
    public static List<ProtocolProblem> check(Path file) throws IOException {
        YamlDocument doc;
        try {
            doc = YamlDocument.read(file, name(file));
        } catch (NoSuchFileException e) {
            return List.of(new ProtocolProblem(name(file), 0, 0, "", "no such file: " + file));
        }
        parse(file, doc, folder(file), true);
        return problems(doc);
    }

    private static Optional<StudyProtocol> parse(
            Path file, YamlDocument doc, Path base, boolean checkFiles) {
        PROTOCOL.check(doc);
        return doc.rootMap()
                .flatMap(
                        m ->
                                new ProtocolParser(new StudyPaths(base, checkFiles))
                                        .protocol(file, m));
    }

    private static List<ProtocolProblem> problems(YamlDocument doc) {
        return doc.problems().stream().map(ProtocolProblem::of).toList();
    }

    private static Path folder(Path file) {
        return file.toAbsolutePath().getParent();
    }

    private static String name(Path file) {
        Path n = file.getFileName();
        return n == null ? file.toString() : n.toString();
    }
}
