/** {@code clinval cluster}: a Flink session cluster on this machine for {@code --flink}. */
package org.clinval.app.cluster;
