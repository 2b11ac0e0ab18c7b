package org.clinval.features.suite;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.OBJECT_FACTORY_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The one runner of the suite's own requirements: every feature under {@code
 * org/clinval/features/suite}, with the glue of this package. Its Cucumber reports go to {@code
 * target/cucumber/}.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("org.clinval.features.suite")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "org.clinval.features.suite")
@ConfigurationParameter(
        key = OBJECT_FACTORY_PROPERTY_NAME,
        value = "org.clinval.features.internal.ScenarioObjectFactory")
@ConfigurationParameter(
        key = PLUGIN_PROPERTY_NAME,
        value =
                "json:target/cucumber/suite-requirements.json,"
                        + " html:target/cucumber/suite-requirements.html")
class SuiteRequirementsTest {}
