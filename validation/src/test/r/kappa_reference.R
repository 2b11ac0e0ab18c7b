# Reference values for Cohen's kappa (unweighted, linear, quadratic) with the Fleiss-Cohen-Everitt
# (1969) large-sample standard error ("ASE") and Wald intervals, as computed by vcd::Kappa and
# vcd's confint method. Run from the repository root:
#   Rscript validation/src/test/r/kappa_reference.R
# Writes validation/src/test/resources/reference/kappa.csv (one row per table x weights) and
# validation/src/test/resources/reference/kappa_ratings.csv (raw ratings for two of the tables).
suppressPackageStartupMessages(library(vcd))

out_dir <- "validation/src/test/resources/reference"
fmt <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))

tables <- list()
sources <- list()
levels_ <- list()

add <- function(name, x, source, level) {
  tables[[name]] <<- x
  sources[[name]] <<- source
  levels_[[name]] <<- level
}

# Published tables shipped with vcd.
data(SexualFun, package = "vcd")
add("SexualFun", SexualFun, "vcd::SexualFun (Hout, Duncan & Sobel 1987, via Agresti 1990; rows Husband, columns Wife)", 0.95)
data(MSPatients, package = "vcd")
add("MSPatients_Winnipeg", MSPatients[, , "Winnipeg"],
    "vcd::MSPatients[, , 'Winnipeg'] (Westlund & Kurland 1953; rows New Orleans, columns Winnipeg neurologist)", 0.95)
add("MSPatients_NewOrleans", MSPatients[, , "New Orleans"],
    "vcd::MSPatients[, , 'New Orleans'] (Westlund & Kurland 1953; rows New Orleans, columns Winnipeg neurologist)", 0.90)

# Perfect agreement: kappa = 1 with ASE 0.
add("perfect", diag(c(5, 7, 3)), "diag(c(5, 7, 3))", 0.95)

# Random tables from correlated ratings, some with unobserved categories.
set.seed(20240611)
conf_levels <- c(0.90, 0.95, 0.99)
for (t in 1:14) {
  k <- sample(2:6, 1)
  n <- sample(c(15, 40, 100, 500, 2000), 1)
  truth <- sample(1:k, n, replace = TRUE)
  noisy <- function() ifelse(runif(n) < 0.6, truth,
                             pmin(k, pmax(1, truth + sample(-2:2, n, replace = TRUE))))
  a <- noisy()
  b <- noisy()
  if (t %% 5 == 0 && k > 2) { # one category neither rater used
    a[a == 2] <- 1
    b[b == 2] <- 1
  }
  if (t %% 7 == 0 && k > 2) { # one category only the second rater used
    a[a == k] <- k - 1
  }
  x <- table(factor(a, levels = 1:k), factor(b, levels = 1:k))
  add(sprintf("random%02d", t), unclass(x),
      sprintf("random: set.seed(20240611), table %d of 14, k = %d, n = %d", t, k, n),
      conf_levels[(t %% 3) + 1])
}

# Raw ratings for the builder and the command line: an ordinal scale with an unused category, and
# numeric grades whose numeric order differs from their text order.
set.seed(7)
severity <- c("none", "mild", "moderate", "severe", "critical")
m <- 150
s_truth <- sample(1:4, m, replace = TRUE, prob = c(0.3, 0.3, 0.25, 0.15))
jitter <- function(v, lo, hi) ifelse(runif(m) < 0.7, v, pmin(hi, pmax(lo, v + sample(c(-1, 1), m, replace = TRUE))))
reader_a <- severity[jitter(s_truth, 1, 4)]
reader_b <- severity[jitter(s_truth, 1, 4)]
g_truth <- sample(1:10, m, replace = TRUE)
grade_a <- jitter(g_truth, 1, 10)
grade_b <- jitter(g_truth, 1, 10)
ratings <- data.frame(case = 1:m, reader_a = reader_a, reader_b = reader_b,
                      grade_a = grade_a, grade_b = grade_b)
grades <- sort(unique(c(grade_a, grade_b)))
add("ratings_severity", unclass(table(factor(reader_a, levels = severity), factor(reader_b, levels = severity))),
    "kappa_ratings.csv: table(factor(reader_a, levels = severity), factor(reader_b, levels = severity))", 0.95)
add("ratings_grade", unclass(table(factor(grade_a, levels = grades), factor(grade_b, levels = grades))),
    "kappa_ratings.csv: table(factor(grade_a, levels = sort(unique(c(grade_a, grade_b)))), ...)", 0.95)

rows <- list()
for (name in names(tables)) {
  x <- tables[[name]]
  x <- matrix(as.numeric(x), nrow = nrow(x), dimnames = dimnames(x))
  cats <- if (is.null(rownames(x))) as.character(seq_len(nrow(x))) else rownames(x)
  if (name == "ratings_severity") cats <- severity
  if (name == "ratings_grade") cats <- as.character(grades)
  n <- sum(x)
  level <- levels_[[name]]
  for (w in c("none", "linear", "quadratic")) {
    K <- Kappa(x, weights = if (w == "quadratic") "Fleiss-Cohen" else "Equal-Spacing")
    ci <- confint(K, level = level)
    if (w == "none") {
      est <- K$Unweighted; lim <- ci["Unweighted", ]; W <- diag(nrow(x))
    } else {
      est <- K$Weighted; lim <- ci["Weighted", ]; W <- K$Weights
    }
    po <- sum(W * x) / n
    pe <- sum(W * outer(rowSums(x), colSums(x))) / n^2
    rows[[length(rows) + 1]] <- data.frame(
      table = name, weights = w, level = level, n = n,
      categories = paste(gsub(" ", "_", cats), collapse = "|"),
      counts = paste(as.vector(t(x)), collapse = " "),
      kappa = fmt(est[["value"]]), se = fmt(est[["ASE"]]),
      lower = fmt(lim[["lwr"]]), upper = fmt(lim[["upr"]]),
      observed = fmt(po), expected = fmt(pe),
      source = gsub(",", ";", sources[[name]]))
  }
}
ref <- do.call(rbind, rows)

con <- file(file.path(out_dir, "kappa.csv"), "w")
writeLines(c(
  sprintf("# %s, vcd %s", R.version.string, packageVersion("vcd")),
  "# generator: Rscript validation/src/test/r/kappa_reference.R",
  "# per table x and weights w: K <- vcd::Kappa(x, weights = if (w == 'quadratic') 'Fleiss-Cohen' else 'Equal-Spacing');",
  "#   kappa, se = K$Unweighted (w = none) or K$Weighted; lower, upper = confint(K, level = level)",
  "# observed = sum(W * x) / n, expected = sum(W * outer(rowSums(x), colSums(x))) / n^2 with W = diag (none) or K$Weights",
  "# counts: row-major, rows = first rater, columns = second rater; categories in table order, '_' for spaces"),
  con)
write.csv(ref, con, row.names = FALSE, quote = FALSE)
close(con)

con <- file(file.path(out_dir, "kappa_ratings.csv"), "w")
writeLines(c(
  sprintf("# %s; generator: Rscript validation/src/test/r/kappa_reference.R (set.seed(7))", R.version.string),
  "# severity scale none < mild < moderate < severe < critical ('critical' unused); grades 1..10"),
  con)
write.csv(ratings, con, row.names = FALSE, quote = FALSE)
close(con)
