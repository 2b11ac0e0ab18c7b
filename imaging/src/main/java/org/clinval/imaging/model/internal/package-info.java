/** DJL behind the model API: engines, translators, built-in architectures, descriptor I/O. */
package org.clinval.imaging.model.internal;
