/**
 * The one reader of the YAML files users write (study protocol, model descriptor, risk files):
 * plain YAML parsed by SnakeYAML with the line and column of every key and value kept, checked
 * against the format's published JSON Schema, then walked with typed, path-naming accessors; every
 * problem of a file is collected in one pass and reported together as {@code where} (file, line,
 * column, YAML path) and {@code what}.
 *
 * <p>Schemas are checked by {@code com.networknt:json-schema-validator} 2.0.x: a maintained
 * implementation of draft 2020-12 (and 07) on Jackson 2, the Jackson the suite uses (its 3.x line
 * needs Jackson 3), whose meta-schemas ship in its jar, so nothing is fetched at run time. Its
 * errors carry the keyword, instance location and schema location, from which {@code
 * SchemaMessages} words each problem the way the readers do, so that a value the schema refuses and
 * a value a reader refuses read alike and are reported once.
 */
package org.clinval.common.yaml;
