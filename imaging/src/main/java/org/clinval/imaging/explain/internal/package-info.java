/** DJL gradient code, regression and colour maps behind the explanation methods. */
package org.clinval.imaging.explain.internal;
