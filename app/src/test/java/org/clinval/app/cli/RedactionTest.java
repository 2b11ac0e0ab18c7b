package org.clinval.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.Test;

/** No error message shows a password given on the command line, in any form. */
class RedactionTest {

    @Test
    void anUnknownPasswordOptionAndItsValueAreMasked() {
        CliRun r =
                CliRun.of(
                        "user",
                        "add",
                        "bob",
                        "--name",
                        "Bob",
                        "--group",
                        "qa-lead",
                        "--password",
                        "hunter2");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(
                        "clinval: Unknown options: '--password', '(redacted)'; did you mean --password-file?\n"
                                + "Run 'clinval user add --help' for its options.\n");
    }

    @Test
    void theEqualsFormIsMasked() {
        CliRun r = CliRun.of("user", "add", "bob", "--Password=hunter2", "--name", "Bob");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("hunter2");
        CliRun t =
                CliRun.of(
                        "task",
                        "complete",
                        "abc",
                        "--user",
                        "u",
                        "--meaning",
                        "approved",
                        "--PASSWORD=hunter2");
        assertThat(t.err())
                .isEqualTo(
                        "clinval: Unknown option: '--PASSWORD=(redacted)'\n"
                                + "Run 'clinval task complete --help' for its options.\n");
    }

    @Test
    void positionalsAfterAPasswordAreMaskedToo() {
        // The shell split a password with a space: both parts are secrets.
        CliRun r =
                CliRun.of(
                        "task",
                        "complete",
                        "abc",
                        "--user",
                        "u",
                        "--meaning",
                        "approved",
                        "--password",
                        "correct",
                        "horse");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(
                        "clinval: Unknown options: '--password', '(redacted)', '(redacted)'; did you mean --password-file?\n"
                                + "Run 'clinval task complete --help' for its options.\n");
    }

    @Test
    void aPasswordThatBecameATaskIdIsMaskedInTheErrorAndItsStackTrace() {
        // Picocli takes the value after an unknown option as the positional ID.
        CliRun r =
                CliRun.of(
                        "--debug",
                        "task",
                        "complete",
                        "--password",
                        "hunter2",
                        "--user",
                        "u",
                        "--meaning",
                        "approved");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(
                        "clinval: Unknown option: '--password'; did you mean --password-file?\n"
                                + "Run 'clinval task complete --help' for its options.\n");
        // A password-file value that is no file may be the password typed in its place: masked.
        CliRun missing =
                CliRun.of(
                        "user",
                        "add",
                        "bob",
                        "--name",
                        "Bob",
                        "--group",
                        "qa-lead",
                        "--password-file",
                        "hunter2.txt",
                        "--users",
                        "none.json");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).doesNotContain("hunter2").startsWith("clinval: ");
    }

    @Test
    void onlyWholeValuesAreMasked() {
        Redaction r = Redaction.of(new String[] {"--password", "pass", "--name", "x"});
        assertThat(r.apply("no task 'pass' in passes/; passport pass"))
                .isEqualTo("no task '(redacted)' in passes/; passport (redacted)");
        assertThat(Redaction.of(new String[] {"--name", "hunter2"}).apply("hunter2"))
                .isEqualTo("hunter2");
    }
}
