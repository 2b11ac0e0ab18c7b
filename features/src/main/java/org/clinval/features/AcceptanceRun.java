package org.clinval.features;

import io.cucumber.core.exception.CucumberException;
import io.cucumber.core.feature.FeatureWithLines;
import io.cucumber.core.feature.GluePath;
import io.cucumber.core.gherkin.FeatureParserException;
import io.cucumber.core.options.RuntimeOptions;
import io.cucumber.core.options.RuntimeOptionsBuilder;
import io.cucumber.core.runtime.Runtime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.clinval.features.internal.RunContext;
import org.clinval.features.internal.ScenarioCollector;
import org.clinval.features.internal.ScenarioObjectFactory;
import org.clinval.workflows.service.AcceptanceResult;
import org.clinval.workflows.service.AcceptanceService;

/**
 * Runs acceptance criteria (Gherkin feature files) over a finished study run with Cucumber and the
 * step library of {@value #GLUE}, writing Cucumber's JSON and HTML reports.
 *
 * <p>The Cucumber options are fixed here and nothing else is read: not {@code cucumber.properties},
 * not {@code CUCUMBER_*} environment variables or system properties, so a stray tag filter can
 * never silently leave a criterion out. Undefined, pending and ambiguous steps fail their scenario.
 * Each call builds its own Cucumber runtime and a fresh world per scenario; the run folder reaches
 * the glue through a thread-bound {@link RunContext} set for the call only, so the runner can be
 * called any number of times in one JVM.
 */
public final class AcceptanceRun {

    /** The package of the step library. */
    public static final String GLUE = "org.clinval.features.steps";

    private AcceptanceRun() {}

    /**
     * Runs every scenario of the feature files below {@code features} (a folder, or one {@code
     * .feature} file) over the run in {@code runDir}, and writes {@value
     * AcceptanceService#CUCUMBER_JSON} and {@value AcceptanceService#CUCUMBER_HTML} into {@code
     * outDir}.
     *
     * @return each scenario's outcome; {@link AcceptanceResult#passed()} when at least one ran and
     *     all passed
     * @throws IOException if a folder is missing, a feature file cannot be parsed or a report
     *     cannot be written
     */
    public static AcceptanceResult run(Path runDir, Path features, Path outDir) throws IOException {
        if (!Files.isDirectory(runDir)) {
            throw new NoSuchFileException(runDir + ": no such run folder");
        }
        if (!Files.exists(features)) {
            throw new NoSuchFileException(features + ": no such features folder or file");
        }
        Files.createDirectories(outDir);
        Path json = outDir.resolve(AcceptanceService.CUCUMBER_JSON).toAbsolutePath();
        Path html = outDir.resolve(AcceptanceService.CUCUMBER_HTML).toAbsolutePath();
        RuntimeOptions options =
                new RuntimeOptionsBuilder()
                        .addGlue(GluePath.parse(GLUE))
                        .addFeature(FeatureWithLines.parse(features.toAbsolutePath().toString()))
                        .addPluginName("json:" + json)
                        .addPluginName("html:" + html)
                        .setObjectFactoryClass(ScenarioObjectFactory.class)
                        .setMonochrome()
                        .setPublishQuiet(true)
                        .build();
        ScenarioCollector collector = new ScenarioCollector();
        try {
            RunContext.with(
                    runDir,
                    () -> {
                        Runtime.builder()
                                .withRuntimeOptions(options)
                                .withClassLoader(AcceptanceRun.class::getClassLoader)
                                .withAdditionalPlugins(collector)
                                .build()
                                .run();
                        return null;
                    });
        } catch (FeatureParserException | CucumberException e) {
            StringBuilder m = new StringBuilder(e.getMessage());
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c.getMessage() != null) m.append(": ").append(c.getMessage().strip());
            }
            throw new IOException(
                    "the acceptance criteria could not be run: " + m.toString().replace('\n', ' '),
                    e);
        }
        if (!collector.runErrors().isEmpty()) {
            throw new IOException(
                    "the acceptance criteria could not be run: "
                            + String.join("; ", collector.runErrors()));
        }
        return new AcceptanceResult(collector.scenarios(), json, html);
    }
}
