/** Training data sampling and losses for the built-in models. */
package org.clinval.imaging.model.training.internal;
