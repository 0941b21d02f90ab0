# Reference fixtures for ordered indicators in several groups (issue 25): lavaan's multi-group
# WLSMV with its defaults, and the ordinal invariance sequence identified as Wu and Estabrook
# (2016) recommend (semTools' measEq.syntax, ID.fac = "std.lv", ID.cat = "Wu.Estabrook.2016"),
# delta parameterisation. The syntax of each level is stored, so craftwave fits the same model.
#
# Writes tests/reference/data/ordinal_groups.csv and tests/reference/ordinal_groups.json.
#
# Run from the repository root:  Rscript tests/reference/r/ordinal_groups.R

suppressPackageStartupMessages({
  library(lavaan)
  library(semTools)
  library(jsonlite)
})

local({
  out_dir <- file.path("tests", "reference")
  data_dir <- file.path(out_dir, "data")
  set.seed(2503)
  make <- function(n, shift, lam, cuts) {
    f <- matrix(rnorm(n * 2), n, 2) %*% chol(matrix(c(1, .4, .4, 1), 2))
    f[, 1] <- f[, 1] + shift
    y <- sapply(1:6, function(j) f[, (j - 1) %/% 3 + 1] * lam[j] +
                  rnorm(n, sd = sqrt(1 - lam[j]^2)))
    as.data.frame(sapply(1:6, function(j) findInterval(y[, j], cuts[[j]]) + 1))
  }
  cuts_a <- rep(list(c(-1, 0, 1)), 6)
  cuts_b <- cuts_a
  cuts_b[[2]] <- c(-0.6, 0.3, 1.2)          # one item's thresholds differ in group b
  d <- rbind(make(280, 0, c(.7, .6, .8, .5, .7, .6), cuts_a),
             make(320, .4, c(.7, .6, .6, .5, .7, .6), cuts_b))
  names(d) <- paste0("y", 1:6)
  d$grp <- rep(c("a", "b"), c(280, 320))
  write.csv(d, file.path(data_dir, "ordinal_groups.csv"), row.names = FALSE)
  items <- paste0("y", 1:6)
  model <- "f1 =~ y1 + y2 + y3\nf2 =~ y4 + y5 + y6"
  keep <- c("npar", "chisq", "df", "pvalue", "chisq.scaled", "df.scaled", "pvalue.scaled",
            "chisq.scaling.factor", "baseline.chisq", "baseline.df", "baseline.chisq.scaled",
            "cfi", "tli", "cfi.scaled", "tli.scaled", "rmsea", "rmsea.ci.lower",
            "rmsea.ci.upper", "rmsea.scaled", "srmr", "fmin")
  run <- function(syntax, ...) {
    fit <- lavaan::cfa(syntax, d, ordered = items, group = "grp", estimator = "WLSMV", ...)
    pe <- parameterEstimates(fit, standardized = TRUE)
    pe <- pe[pe$op != ":=", c("group", "lhs", "op", "rhs", "est", "se", "std.all")]
    fm <- fitMeasures(fit)
    list(model = syntax, nobs = lavInspect(fit, "nobs"), parameters = pe,
         fit = as.list(fm[intersect(keep, names(fm))]), fitted = fit)
  }
  levels <- list(configural = character(0), thresholds = "thresholds",
                 metric = c("thresholds", "loadings"),
                 scalar = c("thresholds", "loadings", "intercepts"))
  obj <- list(lavaan = as.character(packageVersion("lavaan")),
              semtools = as.character(packageVersion("semTools")),
              defaults = run(model))
  fits <- list()
  for (level in names(levels)) {
    syn <- measEq.syntax(model, d, ordered = items, group = "grp", ID.fac = "std.lv",
                         ID.cat = "Wu.Estabrook.2016", parameterization = "delta",
                         group.equal = levels[[level]])
    res <- run(as.character(syn))
    fits[[level]] <- res$fitted
    obj[[level]] <- res
  }
  # each level against the one before: lavaan's scaled difference test for WLSMV
  for (k in 2:length(fits)) {
    lrt <- lavTestLRT(fits[[k]], fits[[k - 1]])
    obj[[names(fits)[k]]]$lrt <- list(chisq_diff = lrt[["Chisq diff"]][2],
                                      df_diff = lrt[["Df diff"]][2],
                                      pvalue = lrt[["Pr(>Chisq)"]][2],
                                      method = attr(lrt, "heading"))
  }
  for (k in names(obj)) if (is.list(obj[[k]])) obj[[k]]$fitted <- NULL
  write_json(obj, file.path(out_dir, "ordinal_groups.json"), digits = NA,
             auto_unbox = TRUE, pretty = TRUE)
})
