/**
 * The services the study process calls, one per step, with plain records and paths in and out, so
 * that the composition root can implement them over the other modules. The process reaches them
 * through {@link org.clinval.workflows.service.StudyServices}, the registry its engine is built
 * with.
 */
package org.clinval.workflows.service;
