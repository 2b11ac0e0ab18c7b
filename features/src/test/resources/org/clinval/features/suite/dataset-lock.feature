@SRS-001
Feature: A locked dataset is immutable
  The inputs of a study (approved protocol, model descriptor, ground truth, every image) are
  registered by their SHA-256 when the study starts; the lock before inference hashes them again
  and is refused when anything differs, naming what changed. A refused lock stops the study.

  Background:
    Given a study whose 4 images, ground truth and model are registered

  Scenario: Unchanged inputs are locked
    When the dataset is locked
    Then the lock manifest lists all 7 inputs with their SHA-256

  Scenario Outline: A dataset changed after registration is refused
    Given <change>
    When the dataset is locked
    Then the lock is refused naming "<file>" as <what>
    And no lock manifest is written

    Examples:
      | change                              | file             | what    |
      | the image "case-002.dcm" is edited  | case-002.dcm     | changed |
      | the image "case-003.dcm" is removed | case-003.dcm     | removed |
      | an image "case-999.dcm" is added    | case-999.dcm     | added   |
      | the ground truth is edited          | ground-truth.csv | changed |
