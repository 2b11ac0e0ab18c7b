package org.clinval.reports.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The versions pinned against known vulnerabilities are the ones on the class path the reports run
 * with, not only the ones the build file names (a transitive dependency can win otherwise).
 */
class PinnedDependenciesTest {

    @Test
    void commonsBeanutilsIsTheReleaseThatClosesCve2025_48734() {
        // JasperReports 7.0.3 asks for 1.9.4; the parent POM pins 1.11.0.
        String version =
                org.apache.commons.beanutils.PropertyUtils.class
                        .getPackage()
                        .getImplementationVersion();
        assertThat(version).isEqualTo("1.11.0");
    }
}
