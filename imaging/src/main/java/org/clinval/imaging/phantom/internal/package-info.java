/** The phantom's geometry and renderer: a random 3D chest scene sampled on a CT grid. */
package org.clinval.imaging.phantom.internal;
