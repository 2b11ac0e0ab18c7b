/** Implementation details of the volume package: connected components, message redaction. */
package org.clinval.imaging.volume.internal;
