@SRS-003
Feature: No PHI from the inputs reaches an output
  The phantom studies carry synthetic identities in which every identifying value holds a unique
  token (a canary), so a search of an output for the canaries proves whether identifying data
  leaked into it.

  Background:
    Given a phantom CT study of 4 cases whose images carry identifying data

  Scenario: The PHI scan finds the identifying data of the inputs
    When every image is scanned for PHI
    Then every image has identifying attributes, among them PatientName and PatientID
    And the originals do carry those values

  Scenario: De-identified copies carry none of the inputs' identifying values
    When the images are de-identified with the case ids as pseudonyms
    Then the PHI scan finds no identifying attribute in any copy
    And no identifying value of the inputs appears in any byte of the copies

  Scenario: The case results and the quarantine list of a run carry none of them
    When the images are de-identified with the case ids as pseudonyms
    And the inference job runs over the case manifest
    Then no identifying value of the inputs appears in the case results or the quarantine list
