package org.clinval.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

/** What reaches the user from exceptions that bad input causes: one readable line each. */
class ErrorsTest {

    @Test
    void fileSystemErrorsNameTheFile() {
        assertThat(Errors.describe(new NoSuchFileException("a/b.json")))
                .contains("a/b.json: no such file or folder");
        assertThat(Errors.describe(new AccessDeniedException("/root/x")))
                .contains("/root/x: permission denied");
        assertThat(Errors.describe(new NotDirectoryException("out.csv")))
                .contains("out.csv: not a folder");
        assertThat(Errors.describe(new FileSystemException("d", null, "Is a directory")))
                .contains("d: Is a directory");
        assertThat(Errors.describe(new UncheckedIOException(new NoSuchFileException("users.json"))))
                .contains("users.json: no such file or folder");
    }

    @Test
    void invalidJsonSaysWhere() {
        Exception e;
        try {
            new ObjectMapper().readTree("{\n  \"a\": ,\n}");
            throw new AssertionError("parsed");
        } catch (Exception x) {
            e = x;
        }
        assertThat(Errors.describe(e).orElseThrow())
                .startsWith(
                        "not valid JSON at line 2, column 8: Unexpected character (',' (code 44))");
    }

    @Test
    void programmingErrorsStayInternal() {
        assertThat(Errors.describe(new NullPointerException())).isEmpty();
        assertThat(Errors.describe(new IllegalStateException("x"))).isEmpty();
    }

    @Test
    void aLongMessageIsCut() {
        String m = "x".repeat(5_000_000);
        assertThat(Errors.cut(m))
                .hasSize(Errors.MAX_MESSAGE + "… (message cut: 5000000 characters)".length())
                .endsWith("… (message cut: 5000000 characters)");
        assertThat(Errors.cut("short")).isEqualTo("short");
    }

    @Test
    void aLongOptionValueEchoedByPicocliIsCut() {
        String value = "x".repeat(100_000);
        org.clinval.app.testing.CliRun r =
                org.clinval.app.testing.CliRun.of(
                        "stats", "sample-size", "--measure", "auc", "--anticipated", value);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(
                        "clinval: Invalid value for option '--anticipated': '"
                                + "x".repeat(80)
                                + "'… (100000 characters, the first 80 shown) is not a double\n"
                                + "Run 'clinval stats sample-size --help' for its options.\n");
    }
}
