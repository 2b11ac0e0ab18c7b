package org.clinval.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One command's log: every event to a file that can change once a command knows its run folder,
 * warnings and errors counted for the closing summary, and with {@code --debug} every event echoed
 * to the command's stderr. The file is opened on the first event, so a quiet command leaves no file
 * behind. Plain Java, no logging library: a command whose libraries never log never loads one (see
 * {@link LogSink}, which feeds this).
 */
final class LogFile {

    /** A file that grows past this is moved to {@code clinval.log.1} when first opened. */
    static final long ROTATE_BYTES = 10L << 20;

    private Path file;
    private Path fallback;
    private Path opened;
    private Writer writer;
    private PrintWriter echo;
    private String header = "";
    private final Set<Path> written = new LinkedHashSet<>();
    private final List<String> failures = new ArrayList<>();
    private int warnings;
    private int errors;

    /** Starts a command: counts reset, events to {@code file}, echoed to {@code echo} if given. */
    synchronized void begin(Path file, PrintWriter echo, String header) {
        closeWriter();
        this.file = file;
        this.fallback = file;
        this.echo = echo;
        this.header = header;
        written.clear();
        failures.clear();
        warnings = 0;
        errors = 0;
    }

    /**
     * Sends later events to {@code file}, whose folder must exist by then: a run folder is never
     * created by its log (until it exists, events go to the command's first file).
     */
    synchronized void retarget(Path file) {
        if (file.equals(this.file)) return;
        closeWriter();
        this.file = file;
    }

    /** Returns the current file. */
    synchronized Path file() {
        return opened != null ? opened : file;
    }

    /** Ends a command: closes the file and returns what it logged. */
    synchronized Tally end() {
        closeWriter();
        echo = null;
        return new Tally(warnings, errors, List.copyOf(written), List.copyOf(failures));
    }

    /** Records one formatted event of a library; {@code error} and {@code warning} are counted. */
    synchronized void record(boolean error, boolean warning, String text) {
        if (error) {
            errors++;
        } else if (warning) {
            warnings++;
        }
        write(text);
        if (echo != null) {
            echo.print(text);
            echo.flush();
        }
    }

    private void write(String text) {
        if (file == null) return;
        try {
            if (writer != null && !opened.equals(file) && Files.isDirectory(parentOf(file))) {
                closeWriter(); // the run folder exists now
            }
            if (writer == null) {
                Path dir = parentOf(file);
                Path target = file.equals(fallback) || Files.isDirectory(dir) ? file : fallback;
                writer = open(target);
                opened = target;
                writer.write(header);
            }
            writer.write(text);
            writer.flush();
            written.add(opened);
        } catch (IOException | RuntimeException e) {
            // Logging must never stop a command; the summary says the log could not be written.
            failures.add(file + ": " + e.getMessage());
            closeWriter();
            file = null;
        }
    }

    private static Path parentOf(Path file) {
        return file.toAbsolutePath().getParent();
    }

    private static Writer open(Path file) throws IOException {
        Files.createDirectories(parentOf(file));
        if (Files.isRegularFile(file) && Files.size(file) > ROTATE_BYTES) {
            Files.move(
                    file,
                    file.resolveSibling(file.getFileName() + ".1"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return Files.newBufferedWriter(
                file,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
    }

    private void closeWriter() {
        if (writer == null) return;
        try {
            writer.close();
        } catch (IOException e) {
            failures.add(opened + ": " + e.getMessage());
        }
        writer = null;
        opened = null;
    }

    /**
     * What a command logged: warnings and errors counted, the files written, and why a file could
     * not be written.
     */
    record Tally(int warnings, int errors, List<Path> files, List<String> failures) {

        /** Returns the one summary line, or empty when nothing worth a look was logged. */
        Optional<String> summary() {
            if (warnings == 0 && errors == 0) return Optional.empty();
            StringBuilder s = new StringBuilder();
            if (errors > 0) s.append(count(errors, "error"));
            if (errors > 0 && warnings > 0) s.append(" and ");
            if (warnings > 0) s.append(count(warnings, "warning"));
            s.append(" from libraries; ");
            if (files.isEmpty()) {
                s.append("the log could not be written (")
                        .append(failures.isEmpty() ? "no log file" : failures.get(0))
                        .append(")");
            } else {
                s.append("see ")
                        .append(
                                String.join(
                                        " and ", files.stream().map(p -> p.toString()).toList()));
            }
            return Optional.of(s.toString());
        }

        private static String count(int n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }
    }
}
