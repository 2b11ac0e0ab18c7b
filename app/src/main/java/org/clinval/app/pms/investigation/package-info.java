/**
 * {@code clinval pms investigation}: open the post-market investigations of a surveillance output
 * folder's alarms, list them with their waiting tasks, and sign a task.
 */
package org.clinval.app.pms.investigation;
