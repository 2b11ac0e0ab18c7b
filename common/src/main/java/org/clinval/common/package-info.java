/** What every module shares: file hashes, and the quoting of values in messages. */
package org.clinval.common;
