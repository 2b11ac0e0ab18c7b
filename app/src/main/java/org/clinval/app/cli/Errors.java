package org.clinval.app.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinval.common.Quote;
import org.clinval.imaging.ImagingException;
import picocli.CommandLine;

/**
 * How a failed command is reported: one line on stderr that a user can act on, never a password,
 * never a value longer than a screen, with the stack trace only under {@code --debug}. Exit codes:
 * 1 for bad input or failed work, 2 for bad usage.
 */
public final class Errors {

    /** The most characters of one message printed; longer ones are cut, saying so. */
    public static final int MAX_MESSAGE = 1000;

    private final PrintWriter err;
    private final boolean debug;
    private final Redaction redaction;

    public Errors(PrintWriter err, boolean debug, Redaction redaction) {
        this.err = err;
        this.debug = debug;
        this.redaction = redaction;
    }

    /** Reports a usage error of {@code command}; returns 2. */
    public int usage(String message, CommandLine command) {
        print(quoteLongValues(String.valueOf(message)));
        err.println(
                "Run '" + command.getCommandSpec().qualifiedName() + " --help' for its options.");
        return 2;
    }

    /** Reports an exception thrown by {@code command}; returns its exit code. */
    public int report(Exception e, CommandLine command) {
        trace(e);
        if (e instanceof UsageError) {
            return usage(e.getMessage(), command);
        }
        Optional<String> known = describe(e);
        if (known.isPresent()) {
            print(known.get());
            return 1;
        }
        print("internal error: " + e + (debug ? "" : " (run with --debug for the stack trace)"));
        return 1;
    }

    /** Reports an error of the virtual machine (memory, stack); returns 1. */
    public int fatal(Error e) {
        trace(e);
        if (e instanceof OutOfMemoryError) {
            print(
                    "out of memory ("
                            + e.getMessage()
                            + "); give Java more with CLINVAL_JAVA_OPTS=-Xmx8g, or less work");
        } else {
            print(
                    "internal error: "
                            + e
                            + (debug ? "" : " (run with --debug for the stack trace)"));
        }
        return 1;
    }

    /**
     * Returns the message of an error caused by the input or the machine rather than by clinval:
     * the user's own errors, bad arguments, unreadable files, invalid JSON.
     */
    static Optional<String> describe(Throwable e) {
        if (e instanceof UserError
                || e instanceof IllegalArgumentException
                || e instanceof ImagingException) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return describe(u.getCause());
        }
        if (e instanceof FileSystemException f) {
            return Optional.of(file(f));
        }
        if (e instanceof JsonProcessingException j) {
            JsonLocation at = j.getLocation();
            String where =
                    at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return Optional.of("not valid JSON" + where + ": " + firstLine(j.getOriginalMessage()));
        }
        if (e instanceof IOException) {
            return Optional.of("cannot read or write: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static String file(FileSystemException f) {
        String name = f.getFile();
        if (f instanceof NoSuchFileException) return name + ": no such file or folder";
        if (f instanceof AccessDeniedException) return name + ": permission denied";
        if (f instanceof NotDirectoryException) return name + ": not a folder";
        if (f instanceof FileAlreadyExistsException) return name + ": already exists";
        if (f instanceof DirectoryNotEmptyException) return name + ": the folder is not empty";
        return name
                + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile())
                + ": "
                + (f.getReason() == null ? "cannot read or write" : f.getReason());
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private void print(String message) {
        err.println("clinval: " + cut(redaction.apply(message)));
    }

    private static final Pattern LONG_QUOTED =
            Pattern.compile("'([^'\\n]{" + (Quote.LIMIT + 1) + ",})'");

    /**
     * Returns {@code message} with each single-quoted value longer than {@link Quote#LIMIT} cut by
     * {@link Quote#value}: picocli quotes the bad value whole.
     */
    static String quoteLongValues(String message) {
        return LONG_QUOTED
                .matcher(message)
                .replaceAll(m -> Matcher.quoteReplacement(Quote.value(m.group(1))));
    }

    private void trace(Throwable e) {
        if (!debug) return;
        StringWriter s = new StringWriter();
        e.printStackTrace(new PrintWriter(s));
        err.print(redaction.apply(s.toString()));
    }

    /** Returns {@code message} cut to {@value #MAX_MESSAGE} characters, saying so. */
    static String cut(String message) {
        if (message.length() <= MAX_MESSAGE) return message;
        return message.substring(0, MAX_MESSAGE)
                + "… (message cut: "
                + message.length()
                + " characters)";
    }
}
