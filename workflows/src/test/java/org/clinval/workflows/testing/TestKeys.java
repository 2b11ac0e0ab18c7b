package org.clinval.workflows.testing;

import org.clinval.common.sitekey.SiteKey;

/** Site keys of the tests, in memory: the site's, and another site's. */
public final class TestKeys {

    /** The key of the site that runs the tests' studies. */
    public static final SiteKey SITE = SiteKey.generate();

    /** The key of another site (or of a forger). */
    public static final SiteKey OTHER = SiteKey.generate();

    private TestKeys() {}
}
