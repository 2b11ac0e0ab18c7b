# Acceptance criteria of the clinval detection demo CLV-DEMO-DET-001 (workflows' example
# demo-detection-study.yaml): nodule candidates on the locked chest CT volumes against the reference
# nodules, by the LUNA16 rules. Tags link each scenario to the demo risk management file.
@performance @detection
Feature: Detection performance of the nodule detector on the locked test set

  Background:
    Given the validation study of this run

  @REQ-DET-001 @RCM-DET-001 @HAZ-DET-001
  Scenario: Few nodules are missed across the FROC operating range
    Then the CPM is at least 0.70

  @REQ-DET-001 @RCM-DET-001 @HAZ-DET-001
  Scenario: Few nodules are missed at one false positive per scan
    Then the sensitivity at 1 false positive per scan is at least 0.75

  @REQ-DET-002 @RCM-DET-002 @HAZ-DET-002
  Scenario: Nodules are found at the locked operating threshold
    Then the lesion-level sensitivity is at least 0.75
