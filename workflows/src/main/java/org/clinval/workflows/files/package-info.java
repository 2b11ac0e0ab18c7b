/** SHA-256 of files and text, and checksum manifests in the format of {@code sha256sum}. */
package org.clinval.workflows.files;
