package org.clinval.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {

    // Reference: printf 'abc' | sha256sum (GNU coreutils), FIPS 180-2 example.
    private static final String ABC =
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void matchesTheStandardExampleForTextBytesAndFiles(@TempDir Path dir) throws Exception {
        Path f = Files.write(dir.resolve("abc"), "abc".getBytes());
        assertThat(Sha256.ofText("abc")).isEqualTo(ABC);
        assertThat(Sha256.of("abc".getBytes())).isEqualTo(ABC);
        assertThat(Sha256.of(f)).isEqualTo(ABC);
        assertThat(Sha256.isHex(ABC)).isTrue();
        assertThat(Sha256.isHex(ABC.toUpperCase())).isFalse();
    }

    @Test
    void hashesAFileLargerThanOneBlock(@TempDir Path dir) throws Exception {
        // Reference: head -c 200000 /dev/zero | sha256sum
        Path f = Files.write(dir.resolve("zeros"), new byte[200_000]);
        assertThat(Sha256.of(f))
                .isEqualTo("4cbbd9be0cba685835755f827758705db5a413c5494c34262cd25946a73e7582");
    }
}
