/** The reader-study arm of a study: its reads file, its checks and its analysis inputs. */
package org.clinval.workflows.readers;
