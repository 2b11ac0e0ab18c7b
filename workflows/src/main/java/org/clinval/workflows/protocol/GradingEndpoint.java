package org.clinval.workflows.protocol;

/**
 * A binary endpoint of the grade scale, an item of {@code grading.endpoints}: positive when the
 * grade is at least {@code minGrade} (e.g. referable diabetic retinopathy = moderate or above).
 *
 * @param id identifier that criteria name by {@code grading_endpoint}
 * @param name what it is, in words
 * @param minGrade the smallest positive grade, a 0-based index in {@code [1, k)}
 */
public record GradingEndpoint(String id, String name, int minGrade) {

    public GradingEndpoint {
        if (minGrade < 1) {
            throw new IllegalArgumentException(
                    "grading endpoint " + id + ": min_grade " + minGrade + " leaves no negative");
        }
    }
}
