# Acceptance criteria of the clinval demo study CLV-DEMO-001 (workflows' example demo-study.yaml):
# standalone performance of the malignant-nodule classifier on the locked chest CT test set.
#
# The tags link each scenario to the demo risk management file (risk-management's demo
# risk-file.yaml and requirements.yaml): @REQ-... the requirement a scenario verifies,
# @RCM-... the risk control whose effectiveness it shows, @HAZ-... the hazard that control reduces.
# Every value is recomputed from the run's case results at the protocol's locked operating point
# and recorded, with its interval, method, level and counts, in the scenario's output.
#
# Not verified here, because a study run holds no evidence of them: post-market monitoring
# (REQ-PMS-001, RCM-004), labelling and usability (REQ-LAB-*, REQ-USE-001, RCM-008, RCM-009),
# result-to-series UIDs (REQ-TRC-001, RCM-005), the model hash at inference (REQ-MOD-001,
# RCM-006), PHI in outputs (REQ-PHI-001, RCM-007), patient disjointness (REQ-DATA-002), the
# image-quality gate (REQ-INP-002, RCM-011) and the accounting of every input (RCM-010). The
# risk check lists them as gaps until their own evidence is added.
@performance
Feature: Standalone performance of the nodule classifier on the locked test set

  Background:
    Given the validation study of this run

  @REQ-PERF-001
  Scenario: Sensitivity at the locked operating point meets the performance goal
    Then the sensitivity at the operating point is at least 0.85
    And the lower bound of its 95% Clopper-Pearson interval is at least 0.80

  @REQ-PERF-002
  Scenario: The AUC meets the performance goal
    Then the AUC is at least 0.90
    And the lower bound of its 95% DeLong interval is at least 0.90

  @REQ-PERF-003
  Scenario: Specificity at the locked operating point meets the performance goal
    Then the specificity at the operating point is at least 0.80
    And the lower bound of its 95% Clopper-Pearson interval is at least 0.75

  # Effectiveness of the high-sensitivity design: few malignant nodules go unmarked, a case
  # without a mark is rarely malignant, and the ranking is not inferior to the goal.
  @RCM-001 @HAZ-001
  Scenario: The sensitivity interval supports the residual probability of a missed cancer
    Then the sensitivity is at least 0.85
    And the lower bound of its 95% Clopper-Pearson interval is at least 0.80
    And the negative predictive value is at least 0.90
    And the AUC is non-inferior to 0.90 with a margin of 0.05 at the 95% level

  # Effectiveness of the operating point for specificity, at every site and on every scanner
  # with enough benign cases to inform.
  @RCM-002 @HAZ-002
  Scenario Outline: The specificity holds at every <attribute> with informative data
    Then the specificity is at least 0.80
    And in every <attribute> subgroup with at least 30 negatives the lower bound of the 95% Clopper-Pearson interval of the specificity is at least 0.75

    Examples:
      | attribute            |
      | site                 |
      | scanner manufacturer |

  @REQ-SUB-001
  Scenario Outline: Sensitivity holds at every <attribute> with informative data
    Then in every <attribute> subgroup with at least 30 positives the lower bound of the 95% Clopper-Pearson interval of the sensitivity is at least 0.75

    Examples:
      | attribute            |
      | site                 |
      | scanner manufacturer |

  @RCM-003 @HAZ-003
  Scenario Outline: Every <attribute> without informative data is listed as a limitation
    Then every <attribute> subgroup with fewer than 30 positives is reported as not informative

    Examples:
      | attribute            |
      | site                 |
      | scanner manufacturer |

  @REQ-AUD-001
  Scenario: The audit trail of the run verifies from the first entry to the last
    Then the audit trail of the run verifies from the first entry to the last

  @REQ-DATA-001
  Scenario: The inputs are unchanged since they were locked
    Then every input locked for the study still has its locked SHA-256

  @RCM-012 @HAZ-010
  Scenario: The results come from the locked test set
    Then every input locked for the study still has its locked SHA-256
    And the metrics were computed from these case results
    And the audit trail of the run verifies from the first entry to the last

  @REQ-INP-001
  Scenario: Every series set aside is quarantined with its reason
    Then every quarantined case has a reason
