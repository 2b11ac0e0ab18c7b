# Reference values for multi-class (graded) classification: the Hand-Till multi-class AUC of
# pROC::multiclass.roc with a probability matrix, one-vs-rest AUC per class with DeLong's interval,
# one-vs-rest sensitivity and specificity with Clopper-Pearson intervals, and binary cuts
# (grade >= m) with exact intervals and one-sided superiority p-values. Run from the repository root:
#   Rscript validation/src/test/r/multiclass_reference.R
# Writes validation/src/test/resources/reference/multiclass_cases.csv (the cases) and
# validation/src/test/resources/reference/multiclass.csv (one row per dataset x statistic).
suppressPackageStartupMessages(library(pROC))

out_dir <- "validation/src/test/resources/reference"
fmt <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))

set.seed(20261205)
specs <- list(
  list(k = 3, n = 20, level = 0.95, digits = 2, drop = NA),
  list(k = 5, n = 60, level = 0.95, digits = 2, drop = NA),
  list(k = 5, n = 200, level = 0.90, digits = 6, drop = NA),
  list(k = 4, n = 80, level = 0.95, digits = 1, drop = NA),   # many ties
  list(k = 5, n = 120, level = 0.99, digits = 3, drop = 4),   # class 4 never the reference
  list(k = 2, n = 30, level = 0.95, digits = 2, drop = NA))

case_rows <- list()
rows <- list()
add <- function(dataset, statistic, class, value) {
  rows[[length(rows) + 1]] <<- data.frame(dataset = dataset, statistic = statistic,
                                          class = class, value = fmt(value))
}
for (d in seq_along(specs)) {
  s <- specs[[d]]
  k <- s$k; n <- s$n; level <- s$level
  name <- sprintf("set%d", d)
  truth <- sample(0:(k - 1), n, replace = TRUE)
  if (!is.na(s$drop)) truth[truth == s$drop] <- s$drop - 1
  logits <- matrix(rnorm(n * k), n, k)
  logits[cbind(1:n, truth + 1)] <- logits[cbind(1:n, truth + 1)] + 1.5
  probs <- exp(logits) / rowSums(exp(logits))
  probs <- round(probs, s$digits)
  colnames(probs) <- as.character(0:(k - 1))
  predicted <- max.col(probs, ties.method = "first") - 1
  for (i in 1:n) {
    case_rows[[length(case_rows) + 1]] <- data.frame(
      dataset = name, k = k, level = level, case = i, truth = truth[i], predicted = predicted[i],
      probabilities = paste(fmt(probs[i, ]), collapse = " "))
  }
  # Hand-Till: multiclass.roc(response, predictor matrix), columns named by the response levels
  mc <- multiclass.roc(factor(truth, levels = 0:(k - 1)), probs)
  add(name, "hand_till", "", as.numeric(mc$auc))
  for (c in 0:(k - 1)) {
    cls <- as.character(c)
    pos <- truth == c
    tp <- sum(pos & predicted == c); np <- sum(pos)
    tn <- sum(!pos & predicted != c); nn <- sum(!pos)
    if (np > 0) {
      b <- binom.test(tp, np, conf.level = level)
      add(name, "sensitivity", cls, tp / np)
      add(name, "sensitivity_lower", cls, b$conf.int[1])
      add(name, "sensitivity_upper", cls, b$conf.int[2])
    }
    b <- binom.test(tn, nn, conf.level = level)
    add(name, "specificity", cls, tn / nn)
    add(name, "specificity_lower", cls, b$conf.int[1])
    add(name, "specificity_upper", cls, b$conf.int[2])
    if (np > 0 && nn > 0) {
      r <- roc(pos, probs[, c + 1], levels = c(FALSE, TRUE), direction = "<", quiet = TRUE)
      ci <- ci.auc(r, method = "delong", conf.level = level)
      add(name, "auc", cls, as.numeric(auc(r)))
      add(name, "auc_variance", cls, var(r, method = "delong"))
      add(name, "auc_lower", cls, ci[1])
      add(name, "auc_upper", cls, ci[3])
    }
  }
  # binary cuts: label = truth >= m, call = predicted >= m; superiority goal 0.6 and 0.7
  for (m in 1:(k - 1)) {
    cls <- as.character(m)
    lab <- truth >= m; call <- predicted >= m
    tp <- sum(lab & call); np <- sum(lab); tn <- sum(!lab & !call); nn <- sum(!lab)
    if (np > 0) {
      add(name, "cut_sensitivity_lower", cls, binom.test(tp, np, conf.level = level)$conf.int[1])
      add(name, "cut_sensitivity_upper", cls, binom.test(tp, np, conf.level = level)$conf.int[2])
      add(name, "cut_sensitivity_p_0.6", cls, binom.test(tp, np, 0.6, alternative = "greater")$p.value)
    }
    if (nn > 0) {
      add(name, "cut_specificity_lower", cls, binom.test(tn, nn, conf.level = level)$conf.int[1])
      add(name, "cut_specificity_upper", cls, binom.test(tn, nn, conf.level = level)$conf.int[2])
      add(name, "cut_specificity_p_0.7", cls, binom.test(tn, nn, 0.7, alternative = "greater")$p.value)
    }
  }
}

con <- file(file.path(out_dir, "multiclass_cases.csv"), "w")
writeLines(c(
  sprintf("# %s, pROC %s; generator: Rscript validation/src/test/r/multiclass_reference.R (set.seed(20261205))",
          R.version.string, packageVersion("pROC")),
  "# grades 0..k-1 (truth = reference, predicted = first column of the row maximum); probabilities: space-separated, class 0 first"),
  con)
write.csv(do.call(rbind, case_rows), con, row.names = FALSE, quote = FALSE)
close(con)

con <- file(file.path(out_dir, "multiclass.csv"), "w")
writeLines(c(
  sprintf("# %s, pROC %s; generator: Rscript validation/src/test/r/multiclass_reference.R",
          R.version.string, packageVersion("pROC")),
  "# hand_till: as.numeric(multiclass.roc(factor(truth, levels = 0:(k-1)), probs)$auc), colnames(probs) = 0:(k-1)",
  "# sensitivity/specificity of class c (one vs rest): x / n; _lower/_upper: binom.test(x, n, conf.level = level)$conf.int",
  "# auc: r <- roc(truth == c, probs[, c+1], levels = c(FALSE, TRUE), direction = '<'); auc(r), var(r, method = 'delong'), ci.auc(r, method = 'delong', conf.level = level)[c(1, 3)]",
  "# cut_* at min grade m (class column): label truth >= m, call predicted >= m; _lower/_upper binom.test(x, n, conf.level = level)$conf.int;",
  "#   cut_sensitivity_p_0.6 = binom.test(x, n, 0.6, alternative = 'greater')$p.value; cut_specificity_p_0.7 likewise with 0.7"),
  con)
write.csv(do.call(rbind, rows), con, row.names = FALSE, quote = FALSE)
close(con)
