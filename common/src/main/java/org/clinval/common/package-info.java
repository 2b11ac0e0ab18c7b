/**
 * What every module shares: file hashes, the quoting of values in messages, and (in {@code yaml})
 * the reader of the YAML files users write.
 */
package org.clinval.common;
