# Independent check of a grading run folder: reads case-results.csv and the ground truth and
# prints "key,value" lines that GradingAnalysisTest compares with metrics.json to 1e-9.
#   Rscript workflows/src/test/r/grading_check.R <case-results.csv> <ground-truth.csv> \
#       <grades, comma-separated> <graders, comma-separated> <min grades, comma-separated> <level>
# kappa: vcd::Kappa(table(factor(truth, grades), factor(predicted, grades)),
#          weights = "Equal-Spacing" | "Fleiss-Cohen") with confint(K, level = level)
# per-class AUC: pROC::roc(truth == g, p_g, levels = c(FALSE, TRUE), direction = "<"),
#   ci.auc(method = "delong"); Hand-Till: pROC::multiclass.roc(factor(truth), P)$auc
# endpoints: binom.test(x, n, conf.level = level)$conf.int
suppressPackageStartupMessages({ library(vcd); library(pROC) })
a <- commandArgs(trailingOnly = TRUE)
cr <- read.csv(a[1], stringsAsFactors = FALSE, comment.char = "#")
gt <- read.csv(a[2], stringsAsFactors = FALSE)
grades <- strsplit(a[3], ",")[[1]]
graders <- strsplit(a[4], ",")[[1]]
cuts <- as.integer(strsplit(a[5], ",")[[1]])
level <- as.numeric(a[6])
out <- function(key, v) cat(sprintf("%s,%.17g\n", key, v))
truth <- factor(cr$truth_grade, levels = grades)
pred <- factor(cr$predicted_grade, levels = grades)
x <- table(truth, pred)
for (w in c("none", "linear", "quadratic")) {
  K <- Kappa(x, weights = if (w == "quadratic") "Fleiss-Cohen" else "Equal-Spacing")
  ci <- confint(K, level = level)
  est <- if (w == "none") K$Unweighted else K$Weighted
  lim <- if (w == "none") ci["Unweighted", ] else ci["Weighted", ]
  out(paste0("kappa.", w, ".estimate"), est[["value"]])
  out(paste0("kappa.", w, ".se"), est[["ASE"]])
  out(paste0("kappa.", w, ".lower"), lim[["lwr"]])
  out(paste0("kappa.", w, ".upper"), lim[["upr"]])
}
P <- as.matrix(cr[, paste0("p_", grades)])
colnames(P) <- grades
for (g in grades) {
  pos <- cr$truth_grade == g
  if (sum(pos) > 0 && sum(!pos) > 0) {
    r <- roc(pos, P[, g], levels = c(FALSE, TRUE), direction = "<", quiet = TRUE)
    ci <- ci.auc(r, method = "delong", conf.level = level)
    out(paste0("auc.", g, ".estimate"), as.numeric(auc(r)))
    out(paste0("auc.", g, ".lower"), ci[1])
    out(paste0("auc.", g, ".upper"), ci[3])
  }
}
observed <- grades[grades %in% cr$truth_grade]
out("hand_till", as.numeric(suppressWarnings(multiclass.roc(factor(cr$truth_grade, levels = observed), P[, observed]))$auc))
ti <- match(cr$truth_grade, grades) - 1
pi <- match(cr$predicted_grade, grades) - 1
for (m in cuts) {
  lab <- ti >= m; call <- pi >= m
  b <- binom.test(sum(lab & call), sum(lab), conf.level = level)
  out(paste0("cut.", m, ".sensitivity.lower"), b$conf.int[1])
  out(paste0("cut.", m, ".sensitivity.upper"), b$conf.int[2])
  b <- binom.test(sum(!lab & !call), sum(!lab), conf.level = level)
  out(paste0("cut.", m, ".specificity.lower"), b$conf.int[1])
  out(paste0("cut.", m, ".specificity.upper"), b$conf.int[2])
}
for (i in seq_along(graders)) for (j in seq_along(graders)) if (i < j) {
  a1 <- gt[[graders[i]]]; a2 <- gt[[graders[j]]]
  keep <- !is.na(a1) & !is.na(a2) & a1 != "" & a2 != ""
  K <- Kappa(table(factor(a1[keep], levels = grades), factor(a2[keep], levels = grades)), weights = "Fleiss-Cohen")
  ci <- confint(K, level = level)
  out(paste0("inter.", graders[i], ".", graders[j], ".estimate"), K$Weighted[["value"]])
  out(paste0("inter.", graders[i], ".", graders[j], ".lower"), ci["Weighted", "lwr"])
}
