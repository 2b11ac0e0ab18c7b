@SRS-004
Feature: Statistics match independent reference values
  The intervals and ROC statistics the suite reports agree with R to within 1e-9 on every row of the
  validation module's reference tables. The tables were written by R 4.2.2 (binom.test, prop.test,
  qbeta) and pROC 1.18.0; each names its exact calls in its first lines.

  Scenario Outline: <method> intervals of a proportion agree with R
    Given the reference table "binomial_intervals.csv" of the validation module
    Then every <method> interval agrees with its columns <lower> and <upper> to within 1e-9

    Examples:
      | method          | lower          | upper          |
      | clopper-pearson | cp_lower       | cp_upper       |
      | wilson          | wilson_lower   | wilson_upper   |
      | jeffreys        | jeffreys_lower | jeffreys_upper |

  Scenario: The AUC with DeLong's variance and interval agrees with pROC
    Given the reference table "roc_auc.csv" of the validation module
    Then every AUC, DeLong variance and DeLong interval agrees with pROC on the data of "roc_datasets.csv" to within 1e-9
