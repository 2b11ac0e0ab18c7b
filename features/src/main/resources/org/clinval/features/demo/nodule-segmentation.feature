# Acceptance criteria of the clinval segmentation demo CLV-DEMO-SEG-001 (workflows' example
# demo-segmentation-study.yaml): the nodule U-Net's masks on the locked chest CT volumes against the
# reference DICOM SEG masks. Tags link each scenario to the demo risk management file.
@performance @segmentation
Feature: Segmentation performance of the nodule U-Net on the locked test set

  Background:
    Given the validation study of this run

  @REQ-SEG-001 @RCM-SEG-001 @HAZ-SEG-001
  Scenario: The masks overlap the reference well enough for volumetric follow-up
    Then the mean Dice is at least 0.75
    And the lower bound of its 95% bootstrap interval is at least 0.70

  @REQ-SEG-002 @RCM-SEG-001 @HAZ-SEG-001
  Scenario: The contours lie close to the reference boundary
    Then the 95th-percentile Hausdorff distance has a median of at most 5 mm

  @REQ-SEG-003 @RCM-SEG-002 @HAZ-SEG-002
  Scenario: No scanner is left behind
    Then in every manufacturer subgroup with at least 10 scans the mean Dice is at least 0.70
