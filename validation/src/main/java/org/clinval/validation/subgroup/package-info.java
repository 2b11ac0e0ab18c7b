/**
 * The same accuracy estimates per subgroup (site, manufacturer, sex, age band…), with small-n
 * warnings.
 */
package org.clinval.validation.subgroup;
