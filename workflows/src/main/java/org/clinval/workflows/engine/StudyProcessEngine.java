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
     * <runDir>/engine/study.mv.db}, locked with the operating system's file lock, each commit
     * written at once.
     */
    public static String h2Url(java.nio.file.Path runDir) {
        // FILE_LOCK=FS: the operating system's lock, released when a killed program dies, so the
        // study can be resumed at once. WRITE_DELAY=0: a commit is on disk before the step goes
        // on; with H2's default delay a kill within the delay lost committed steps (a study
        // killed while it scored its cases came back before its de-identification, whose audit
        // line and signatures were already written).
        return "jdbc:h2:file:"
                + runDir.toAbsolutePath().normalize().resolve("engine").resolve("study")
                + ";FILE_LOCK=FS;WRITE_DELAY=0";
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

    /**
     * Releases the job locks of {@code processInstanceId}: after its program was killed in the
     * middle of a step, the step's job stays locked to the dead program until the lock expires (5
     * minutes by default); the caller knows the program is dead (see {@link OpenMarker}).
     *
     * @return the activities whose jobs were unlocked
     */
    public static java.util.List<String> unlockJobs(
            ProcessEngine engine, String processInstanceId) {
        ProcessEngineConfigurationImpl c =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return c.getCommandExecutorTxRequired()
                .execute(
                        ctx -> {
                            java.util.List<String> out = new java.util.ArrayList<>();
                            for (org.camunda.bpm.engine.impl.persistence.entity.JobEntity j :
                                    ctx.getJobManager()
                                            .findJobsByProcessInstanceId(processInstanceId)) {
                                if (j.getLockOwner() != null || j.getLockExpirationTime() != null) {
                                    j.setLockOwner(null);
                                    j.setLockExpirationTime(null);
                                    out.add(j.getActivityId());
                                }
                            }
                            return out;
                        });
    }

    private static String driver(String url) {
        if (url.startsWith("jdbc:h2:")) return "org.h2.Driver";
        if (url.startsWith("jdbc:postgresql:")) return "org.postgresql.Driver";
        throw new IllegalArgumentException(
                "database URL is not H2 or PostgreSQL (jdbc:h2:… or jdbc:postgresql:…): " + url);
    }
}
