/**
 * The study commands: run a validation study, list and complete its signed tasks, verify a run's
 * records with the site's public key, administer the users who sign, create the site key.
 */
package org.clinval.app.study;
