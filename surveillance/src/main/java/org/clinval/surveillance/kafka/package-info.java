/**
 * Kafka for the surveillance demo and tests: an in-process single-node KRaft broker and a publisher
 * of JSON-lines events.
 */
package org.clinval.surveillance.kafka;
