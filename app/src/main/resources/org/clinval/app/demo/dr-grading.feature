# Acceptance criteria of the clinval grading demo CLV-DEMO-GRADING-001 (app's
# demo-grading-study.yaml): five-grade diabetic retinopathy grading of colour fundus photographs
# against the majority of three graders, with the referable-retinopathy endpoint (grade 2,
# moderate, or above) tested against pre-specified superiority goals.
#
# The tags link each scenario to the demo grading risk management file (risk-management's
# demo/grading/): @REQ-... the requirement a scenario verifies, @RCM-... the risk control whose
# effectiveness it shows, @HAZ-... the hazard that control reduces. Every value is read from the
# run's metrics record, with its interval, method, level and counts.
@performance @grading
Feature: Standalone performance of the retinopathy grader on the locked fundus test set

  Background:
    Given the validation study of this run

  @REQ-PERF-001
  Scenario: Agreement with the reference grade meets the performance goal
    Then the quadratic weighted kappa is at least 0.80
    And the lower bound of its 95% interval is at least 0.75

  @REQ-PERF-002 @RCM-001 @HAZ-001
  Scenario: Referable retinopathy is found often enough
    Then for referable retinopathy (grade 2 or above) the sensitivity is superior to 0.85 at the one-sided 2.5% level

  @REQ-PERF-003 @RCM-002 @HAZ-002
  Scenario: Eyes without referable retinopathy are rarely referred
    Then for referable retinopathy (grade 2 or above) the specificity is superior to 0.825 at the one-sided 2.5% level

  @records
  Scenario: The run's records are intact
    Then the audit trail of the run verifies from the first entry to the last
    And every input locked for the study still has its locked SHA-256
    And the metrics were computed from these case results
    And every quarantined case has a reason
