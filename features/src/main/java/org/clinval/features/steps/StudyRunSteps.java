package org.clinval.features.steps;

import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import java.io.IOException;
import java.nio.file.Path;
import org.clinval.features.internal.RunContext;

/** Which study run a scenario is about. */
public final class StudyRunSteps {

    private final StudyWorld world;

    public StudyRunSteps(StudyWorld world) {
        this.world = world;
    }

    @Before
    public void scenario(Scenario scenario) {
        world.scenario(scenario);
    }

    /** The run folder the acceptance runner was given. */
    @Given("the validation study of this run")
    public void thisRun() throws IOException {
        Path dir =
                RunContext.runDir()
                        .orElseThrow(
                                () ->
                                        new AssertionError(
                                                "no run folder: this step needs the acceptance"
                                                        + " runner ('clinval verify --study RUN_DIR')"));
        world.use(dir);
        world.log(
                "study run "
                        + world.run().dir()
                        + ", "
                        + world.run().cases().size()
                        + " case results");
    }

    /** A run folder named in the scenario, relative to the working directory. */
    @Given("the validation study in run folder {string}")
    public void runFolder(String dir) throws IOException {
        world.use(Path.of(dir));
        world.log(
                "study run "
                        + world.run().dir()
                        + ", "
                        + world.run().cases().size()
                        + " case results");
    }
}
