@SRS-002
Feature: An edited audit trail fails verification
  Each entry of a run's audit trail carries the SHA-256 of the entry before it, and the head record
  names the last entry, so any edit, deletion or reordering of the file is found and the first
  entry that differs from what was written is named.

  Background:
    Given a run whose audit trail holds 5 entries

  Scenario: An untouched trail verifies
    When the trail is verified
    Then it verifies with 5 entries

  Scenario Outline: An edited trail fails verification and names the first bad entry
    When <edit>
    And the trail is verified
    Then it does not verify, the first bad entry being <entry> with "<problem>"

    Examples:
      | edit                                       | entry | problem                              |
      | the reason of entry 3 is edited in the file | 3     | entry 3 was edited                   |
      | the user of entry 1 is edited in the file   | 1     | entry 1 was edited                   |
      | entry 2 is deleted from the file            | 2     | entry 2 was deleted                  |
      | entry 5 is deleted from the file            | 5     | the head record says 5 entries       |
      | entries 2 and 3 are swapped in the file     | 2     | entries were reordered               |
