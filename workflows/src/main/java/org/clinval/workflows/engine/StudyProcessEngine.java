package org.clinval.workflows.engine;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;

/**
 * Builds the embedded engine: a standalone Camunda 7 configuration on a JDBC database (H2 in a run
 * folder by default, PostgreSQL by URL), full history, UUID ids (so task ids differ across run
 * folders) and the step beans as its expression registry.
 */
public final class StudyProcessEngine {

    private StudyProcessEngine() {}

    /**
     * Returns the JDBC URL of the H2 database in run folder {@code runDir}: {@code
     * <runDir>/engine/study.mv.db}.
     */
    public static String h2Url(java.nio.file.Path runDir) {
        return "jdbc:h2:file:"
                + runDir.toAbsolutePath().normalize().resolve("engine").resolve("study");
    }

    /**
     * Builds an engine.
     *
     * @param jdbcUrl the database, e.g. {@code jdbc:h2:file:/runs/x/engine/study} or {@code
     *     jdbc:postgresql://host/clinval}
     * @param user database user
     * @param password database password
     * @param jobExecutor whether the job executor runs asynchronous steps by itself; without it,
     *     the caller executes jobs (tests do, for determinism)
     * @param beans the step beans, by the names the process uses
     */
    public static ProcessEngine create(
            String jdbcUrl,
            String user,
            String password,
            boolean jobExecutor,
            Map<Object, Object> beans) {
        ProcessEngineConfigurationImpl c =
                (ProcessEngineConfigurationImpl)
                        ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
        c.setProcessEngineName("clinval-" + UUID.randomUUID());
        c.setJdbcUrl(jdbcUrl);
        c.setJdbcDriver(driver(jdbcUrl));
        c.setJdbcUsername(user);
        c.setJdbcPassword(password);
        c.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        c.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        c.setIdGenerator(new StrongUuidGenerator());
        c.setJobExecutorActivate(jobExecutor);
        c.setMetricsEnabled(false);
        c.setDbMetricsReporterActivate(false);
        // A failed step reaches the caller as an exception or becomes an incident with its
        // message; logging each one again with its stack trace would bury the command's output.
        c.setEnableCmdExceptionLogging(false);
        c.setBeans(beans);
        return c.buildProcessEngine();
    }

    private static String driver(String url) {
        if (url.startsWith("jdbc:h2:")) return "org.h2.Driver";
        if (url.startsWith("jdbc:postgresql:")) return "org.postgresql.Driver";
        throw new IllegalArgumentException(
                "database URL is not H2 or PostgreSQL (jdbc:h2:… or jdbc:postgresql:…): " + url);
    }
}
