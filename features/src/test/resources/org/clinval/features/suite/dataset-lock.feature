@SRS-001
Feature: A locked dataset is immutable
  The inputs of a study (approved protocol, model descriptor, ground truth, every image) are
  registered by their SHA-256 when the study starts — the images through their inventory, by
  pseudonymous id, so that no file name reaches the manifest; the lock before inference hashes them
  again and is refused when anything differs, naming what changed. A refused lock stops the study.

  Background:
    Given a study whose 4 images, ground truth and model are registered

  Scenario: Unchanged inputs are locked
    When the dataset is locked
    Then the lock manifest lists all 4 inputs with their SHA-256
    And no image is named in it

  Scenario Outline: A dataset changed after registration is refused
    Given <change>
    When the dataset is locked
    Then the lock is refused naming "<difference>"
    And no lock manifest is written

    Examples:
      | change                              | difference                                                   |
      | the image "case-002.dcm" is edited  | C0002/F1 changed                                             |
      | the image "case-003.dcm" is removed | C0003/F1 was removed                                         |
      | an image "case-999.dcm" is added    | a file was added to the image folder, in no registered case |
      | the ground truth is edited          | ground-truth.csv changed                                     |
