package org.clinval.workflows.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudyProcessEngineTest {

    @Test
    void theRunFolderDatabaseIsAnH2FileInsideItLockedByTheSystemAndWrittenAtEachCommit() {
        assertThat(StudyProcessEngine.h2Url(Path.of("/runs/study-1")))
                .startsWith("jdbc:h2:file:/runs/study-1/engine/study;")
                .contains(";FILE_LOCK=FS")
                .contains(";WRITE_DELAY=0");
    }

    @Test
    void onlyH2AndPostgreSqlAreAccepted() {
        assertThatThrownBy(
                        () ->
                                StudyProcessEngine.create(
                                        "jdbc:mysql://db/x", "u", "p", false, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "database URL is not H2 or PostgreSQL (jdbc:h2:… or jdbc:postgresql:…): jdbc:mysql://db/x");
    }

    @Test
    void thePostgreSqlDriverIsOnTheClassPath() throws Exception {
        Driver d = DriverManager.getDriver("jdbc:postgresql://localhost/clinval");
        assertThat(d.getClass().getName()).isEqualTo("org.postgresql.Driver");
    }
}
