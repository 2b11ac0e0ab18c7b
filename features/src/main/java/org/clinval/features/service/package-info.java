/** The study workflow's acceptance step implemented with the Cucumber runner of this module. */
package org.clinval.features.service;
