package org.clinval.common.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlDocumentTest {

    @TempDir Path dir;

    private static List<String> problems(String yaml) {
        return YamlDocument.parse(yaml, "f.yaml").problems().stream()
                .map(YamlProblem::toString)
                .toList();
    }

    @Test
    void everyDuplicateKeyIsNamedWithBothLinesAndTheFileIsNotRead() {
        YamlDocument d = YamlDocument.parse("a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\na: 2\n", "f.yaml");
        assertThat(d.loaded()).isFalse();
        assertThat(d.problems())
                .extracting(YamlProblem::toString)
                .containsExactly(
                        "f.yaml line 5, column 3, b.c: is a duplicate key; the first is at line 3,"
                                + " column 3",
                        "f.yaml line 6, column 1, a: is a duplicate key; the first is at line 1,"
                                + " column 1");
    }

    @Test
    void tagsThatConstructObjectsAndOtherNonPlainYamlAreRefused() {
        assertThat(problems("id: !!java.io.File [\"/etc/passwd\"]\n"))
                .containsExactly(
                        "f.yaml: is not valid YAML at line 1, column 5: Global tag"
                                + " is not allowed: tag:yaml.org,2002:java.io.File");
        assertThat(problems("a: !!binary aGVsbG8=\nb: !local x\n"))
                .containsExactly(
                        "f.yaml line 1, column 4, a: has the tag tag:yaml.org,2002:binary: only"
                                + " plain YAML is read (no tags that construct objects)",
                        "f.yaml line 2, column 4, b: has the tag !local: only plain YAML is read"
                                + " (no tags that construct objects)");
        assertThat(problems("base: &b {x: 1}\nother:\n  <<: *b\n"))
                .containsExactly(
                        "f.yaml line 3, column 3, other: has a merge key (<<); write the keys out");
    }

    @Test
    void numbersThatAreNotFiniteAreProblemsWhereTheyStand() {
        YamlDocument d = YamlDocument.parse("a: .nan\nb: -.inf\nc: 1e999\nd: 2\n", "f.yaml");
        assertThat(d.loaded()).isTrue();
        assertThat(d.problems())
                .extracting(YamlProblem::toString)
                .containsExactly(
                        "f.yaml line 1, column 4, a: '.nan' is not a finite number",
                        "f.yaml line 2, column 4, b: '-.inf' is not a finite number",
                        "f.yaml line 3, column 4, c: '1e999' is not a finite number");
    }

    @Test
    void aRecursiveAliasIsRefused() {
        assertThat(problems("a: &x [1, *x]\n"))
                .containsExactly(
                        "f.yaml line 1, column 4, a[1]: refers to itself through an alias; write"
                                + " the value out");
    }

    @Test
    void filesWithAByteOrderMarkAndWindowsLineEndsReadAsAnyOther() throws Exception {
        Path f = dir.resolve("bom.yaml");
        Files.write(f, ("\uFEFFa: 1\r\nb:\r\n  c: [x, y]\r\n").getBytes(StandardCharsets.UTF_8));
        YamlDocument d = YamlDocument.read(f, "bom.yaml");
        assertThat(d.problems()).isEmpty();
        YamlMap m = d.rootMap().orElseThrow();
        assertThat(m.integer("a")).contains(1L);
        assertThat(m.map("b").orElseThrow().strings("c", true))
                .extracting(YamlMap.Indexed::path)
                .containsExactly("b.c[0]", "b.c[1]");
        assertThat(d.line("b.c[1]")).isEqualTo(3);
        assertThat(d.column("b.c[1]")).isEqualTo(10);
    }

    @Test
    void aFileThatIsNotUtf8OrEmptyOrNotYamlIsOneProblem() throws Exception {
        Path f = dir.resolve("latin1.yaml");
        Files.write(f, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        assertThat(YamlDocument.read(f, "latin1.yaml").problems())
                .extracting(YamlProblem::toString)
                .containsExactly("latin1.yaml: is not UTF-8 text");
        assertThat(problems("# nothing\n")).containsExactly("f.yaml: is empty");
        assertThat(problems("a: [1, 2\n"))
                .containsExactly(
                        "f.yaml: is not valid YAML at line 2, column 1: expected"
                                + " ',' or ']', but got <stream end>");
    }

    @Test
    void accessorsRecordOneProblemPerPathAndNameUnknownKeys() {
        YamlDocument d =
                YamlDocument.parse(
                        "n: seven\nflag: 1\nlist: x\nmap: [1]\nname: '  '\ntypo: 1\n", "f.yaml");
        YamlMap m = d.rootMap().orElseThrow();
        assertThat(m.integer("n")).isEmpty();
        assertThat(m.integer("n")).isEmpty();
        assertThat(m.bool("flag")).isEmpty();
        assertThat(m.list("list", true)).isEmpty();
        assertThat(m.map("map")).isEmpty();
        assertThat(m.string("name")).isEmpty();
        assertThat(m.string("missing")).isEmpty();
        assertThat(m.list("absent", false)).contains(List.of());
        assertThat(m.bool("off", true)).isTrue();
        m.rejectUnknownKeys();
        assertThat(d.problems())
                .extracting(YamlProblem::toString)
                .containsExactly(
                        "f.yaml line 1, column 1, missing: is required",
                        "f.yaml line 1, column 4, n: 'seven' is not a whole number",
                        "f.yaml line 2, column 7, flag: 1 is not true or false",
                        "f.yaml line 3, column 7, list: 'x' is not a list",
                        "f.yaml line 4, column 6, map: is a list, not a mapping of keys to values",
                        "f.yaml line 5, column 7, name: is empty",
                        "f.yaml line 6, column 1, typo: is not a known key (known: n, flag, list,"
                                + " map, name, missing, absent, off)");
    }

    @Test
    void plainScalarsAreTypedByTheYaml12CoreSchema() {
        YamlDocument d =
                YamlDocument.parse(
                        "a: no\nb: 010\nc: 12:30\nd: 2024-01-01\ne: True\nf: 0x1F\ng: 1e3\nh: ~\n",
                        "f.yaml");
        assertThat(d.root().orElseThrow().node().toString())
                .isEqualTo(
                        "{\"a\":\"no\",\"b\":\"010\",\"c\":\"12:30\",\"d\":\"2024-01-01\","
                                + "\"e\":true,\"f\":31,\"g\":1000.0,\"h\":null}");
    }

    @Test
    void aFileLargerThanTheLimitIsNotRead() throws Exception {
        Path f = dir.resolve("big.yaml");
        Files.write(f, new byte[YamlDocument.MAX_BYTES + 1]);
        assertThat(YamlDocument.read(f, "big.yaml").problems())
                .extracting(YamlProblem::what)
                .containsExactly("is 16777217 bytes; a file read here is at most 16777216");
    }
}
