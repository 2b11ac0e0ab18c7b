/**
 * Training and evaluation of the built-in models on phantom studies: seeded, reproducible, and run
 * from the command line ({@code clinval model train|evaluate}).
 */
package org.clinval.imaging.model.training;
