# Acceptance criteria of the clinval MR demo CLV-DEMO-MR-001 (app's demo-mr-study.yaml): the
# reference lesion classifier on the MR phantoms of three sites. Values are read from the run's
# metrics record.
@performance
Feature: Standalone performance of the mr lesion classifier on the locked MR test set

  Background:
    Given the validation study of this run

  Scenario: Sensitivity at the locked operating point meets the performance goal
    Then the sensitivity at the operating point is at least 0.80
    And the lower bound of its 95% Clopper-Pearson interval is at least 0.70

  Scenario: Specificity at the locked operating point meets the performance goal
    Then the specificity at the operating point is at least 0.80
    And the lower bound of its 95% Clopper-Pearson interval is at least 0.70

  Scenario: The AUC meets the performance goal
    Then the AUC is at least 0.85

  @records
  Scenario: The run's records are intact
    Then the audit trail of the run verifies from the first entry to the last
    And every quarantined case has a reason
