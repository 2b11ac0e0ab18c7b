@SRS-005
Feature: Bad inputs are quarantined with a reason
  The inference job never drops an input and never fails on one: every case in becomes a result
  or a quarantined case with its reason.

  Scenario: Every bad input is quarantined with its reason and every case is accounted for
    Given a phantom CT study of 4 cases whose images carry identifying data
    And the case manifest lists every case of the study and these bad inputs:
      | case           | input                                       |
      | bad-unreadable | a file that is not DICOM                    |
      | bad-changed    | an image changed since the lock             |
      | bad-missing    | an image that does not exist                |
      | ghost          | a case of the ground truth without an image |
    When the inference job runs over the case manifest
    Then every case in is a result or quarantined, none twice
    And each bad input is quarantined with a reason that says:
      | case           | reason                                          |
      | bad-unreadable | bad-unreadable/F1:                              |
      | bad-changed    | changed since the dataset was locked            |
      | bad-missing    | bad-missing/F1: the file is gone                |
      | ghost          | case without image: the manifest has no image for it |
