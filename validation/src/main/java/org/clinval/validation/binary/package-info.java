/**
 * Binary diagnostic accuracy at an operating threshold: confusion matrix and the measures built on
 * it.
 */
package org.clinval.validation.binary;
