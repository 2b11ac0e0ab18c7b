# Data sets and reference values for logistic recalibration (calibration slope, the joint model's
# intercept and calibration-in-the-large) by base R glm(family = binomial). Run from the repository
# root:
#   Rscript validation/src/test/r/calibration_reference.R
# Writes validation/src/test/resources/reference/calibration_data.csv (dataset, y, p; read by the
# numpy script calibration_reference.py and by the tests) and calibration_glm.csv.
out_dir <- "validation/src/test/resources/reference"
fmt <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
ctl <- glm.control(epsilon = 1e-12, maxit = 100)

set.seed(20240612)
sets <- list()
add <- function(name, p, y, note) sets[[name]] <<- list(p = p, y = as.integer(y), note = note)
bern <- function(pr) rbinom(length(pr), 1, pr)

p <- rbeta(400, 2, 5)
add("calibrated", p, bern(p), "p ~ Beta(2, 5), y ~ Bernoulli(p), n = 400")
p <- rbeta(300, 0.6, 0.6)
add("overconfident", p, bern(plogis(-0.4 + 0.5 * qlogis(p))),
    "p ~ Beta(0.6, 0.6), y ~ Bernoulli(plogis(-0.4 + 0.5 logit p)), n = 300")
p <- rbeta(250, 3, 3)
add("underconfident", p, bern(plogis(0.3 + 1.8 * qlogis(p))),
    "p ~ Beta(3, 3), y ~ Bernoulli(plogis(0.3 + 1.8 logit p)), n = 250")
p <- sample(c(0.05, seq(0.1, 0.9, by = 0.1), 0.95), 200, replace = TRUE)
add("grid", p, bern(p), "p on 0.05, 0.1, ..., 0.9, 0.95 (many on bin edges), y ~ Bernoulli(p), n = 200")
p <- runif(12, 0.05, 0.95)
add("small", p, bern(p), "p ~ U(0.05, 0.95), y ~ Bernoulli(p), n = 12")
p <- rbeta(2000, 1.2, 4)
add("large", p, bern(plogis(0.2 + 0.9 * qlogis(p))),
    "p ~ Beta(1.2, 4), y ~ Bernoulli(plogis(0.2 + 0.9 logit p)), n = 2000")
p <- c(0, 0, 1, runif(57))
add("boundary", p, c(0, 0, 1, bern(p[-(1:3)])), "three p exactly 0 or 1, then p ~ U(0, 1), n = 60")
p <- runif(40)
add("separated", p, p > 0.5, "p ~ U(0, 1), y = (p > 0.5): complete separation, n = 40")
add("constant", rep(0.3, 30), c(rep(1, 8), rep(0, 22)), "p = 0.3 for all, 8 of 30 positive")
p <- runif(20, 0.1, 0.6)
add("negatives_only", p, rep(0, 20), "p ~ U(0.1, 0.6), y = 0 for all, n = 20")

rows <- list()
data_rows <- list()
for (name in names(sets)) {
  s <- sets[[name]]
  data_rows[[name]] <- data.frame(dataset = name, y = s$y, p = fmt(s$p))
  slope <- NA; joint <- NA; citl <- NA; status <- "ok"
  if (any(s$p == 0 | s$p == 1)) {
    status <- "logit unbounded: p exactly 0 or 1"
  } else {
    x <- qlogis(s$p)
    fit_quietly <- function(formula) {
      warned <- character(0)
      fit <- withCallingHandlers(glm(formula, family = binomial, control = ctl),
        warning = function(w) { warned <<- c(warned, conditionMessage(w)); invokeRestart("muffleWarning") })
      list(fit = fit, ok = fit$converged && !any(grepl("numerically 0 or 1", warned)),
           warned = unique(warned))
    }
    y <- s$y
    joint_fit <- fit_quietly(y ~ x)
    citl_fit <- fit_quietly(y ~ 1 + offset(x))
    notes <- c()
    if (joint_fit$ok && !is.na(coef(joint_fit$fit)[["x"]])) {
      slope <- coef(joint_fit$fit)[["x"]]; joint <- coef(joint_fit$fit)[["(Intercept)"]]
    } else {
      notes <- c(notes, paste("joint:", if (length(joint_fit$warned)) joint_fit$warned else "x aliased"))
    }
    if (citl_fit$ok) {
      citl <- coef(citl_fit$fit)[["(Intercept)"]]
    } else {
      notes <- c(notes, paste("offset:", if (length(citl_fit$warned)) citl_fit$warned else "not converged"))
    }
    if (length(notes)) status <- paste(notes, collapse = " / ")
  }
  rows[[name]] <- data.frame(dataset = name, n = length(s$y), positives = sum(s$y),
                             slope = fmt(slope), intercept_joint = fmt(joint),
                             calibration_in_the_large = fmt(citl),
                             r_status = gsub(",", ";", status), description = gsub(",", ";", s$note))
}

con <- file(file.path(out_dir, "calibration_data.csv"), "w")
writeLines(c(
  sprintf("# %s; generator: Rscript validation/src/test/r/calibration_reference.R (set.seed(20240612))", R.version.string),
  "# p written with sprintf('%.17g') so that it reads back as the same double"),
  con)
write.csv(do.call(rbind, data_rows), con, row.names = FALSE, quote = FALSE)
close(con)

con <- file(file.path(out_dir, "calibration_glm.csv"), "w")
writeLines(c(
  sprintf("# %s (base stats); generator: Rscript validation/src/test/r/calibration_reference.R", R.version.string),
  "# x <- qlogis(p); ctl <- glm.control(epsilon = 1e-12, maxit = 100)",
  "# slope, intercept_joint = coef(glm(y ~ x, family = binomial, control = ctl))",
  "# calibration_in_the_large = coef(glm(y ~ 1 + offset(x), family = binomial, control = ctl))",
  "# NA when some p is 0 or 1, when glm warns 'fitted probabilities numerically 0 or 1' (separation), does not converge, or x is aliased"),
  con)
write.csv(do.call(rbind, rows), con, row.names = FALSE, quote = FALSE)
close(con)
