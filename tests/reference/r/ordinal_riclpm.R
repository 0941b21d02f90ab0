# Reference fixture for an ordinal multiple-indicator RI-CLPM (issue 25): two constructs, three
# 4-category items each, three waves, N = 1,200 with some answers missing; lavaan's WLSMV with
# pairwise missing answers. The model is the syntax craftwave's riclpm(..., ordered=True) writes
# for these data, committed as tests/reference/data/ordinal_riclpm.lav (a test checks the
# builder still writes it).
#
# Writes tests/reference/data/ordinal_riclpm.csv and tests/reference/ordinal_riclpm.json.
#
# Run from the repository root:  Rscript tests/reference/r/ordinal_riclpm.R

suppressPackageStartupMessages({
  library(lavaan)
  library(jsonlite)
})

local({
  out_dir <- file.path("tests", "reference")
  data_dir <- file.path(out_dir, "data")
  set.seed(2505)
  n <- 1200
  waves <- 3
  ri <- MASS::mvrnorm(n, c(0, 0), matrix(c(.5, .2, .2, .5), 2))
  w <- array(0, c(n, 2, waves))
  w[, , 1] <- MASS::mvrnorm(n, c(0, 0), matrix(c(.5, .15, .15, .5), 2))
  for (t in 2:waves) {
    w[, 1, t] <- 0.4 * w[, 1, t - 1] + 0.15 * w[, 2, t - 1] + rnorm(n, sd = 0.6)
    w[, 2, t] <- 0.1 * w[, 1, t - 1] + 0.35 * w[, 2, t - 1] + rnorm(n, sd = 0.6)
  }
  lam <- c(1, 0.9, 0.8)
  cuts <- list(c(-1, 0, 1), c(-0.6, 0.3, 1.2), c(-1.2, -0.2, 0.8))
  d <- list()
  for (k in 1:2) {
    cname <- c("icraft", "resil")[k]
    for (j in 1:3) {
      item <- c("a", "b", "c")[j]
      ri_item <- ri[, k] * lam[j] + rnorm(n, sd = 0.25)       # one intercept per item
      for (t in 1:waves) {
        y <- ri_item + lam[j] * w[, k, t] + rnorm(n, sd = 0.55)
        d[[sprintf("%s_%s_w%d", cname, item, t)]] <- findInterval(y, cuts[[j]]) + 1
      }
    }
  }
  d <- as.data.frame(d)
  for (j in seq_along(d)) d[runif(n) < 0.05, j] <- NA
  write.csv(d, file.path(data_dir, "ordinal_riclpm.csv"), row.names = FALSE)
  model <- paste(readLines(file.path(data_dir, "ordinal_riclpm.lav")), collapse = "\n")
  fit <- lavaan::sem(model, d, ordered = names(d), estimator = "WLSMV", missing = "pairwise")
  pe <- parameterEstimates(fit, standardized = TRUE)
  pe$group <- 1L
  keep <- c("npar", "chisq", "df", "chisq.scaled", "pvalue.scaled", "cfi.scaled",
            "tli.scaled", "rmsea.scaled", "srmr")
  fm <- fitMeasures(fit)
  obj <- list(lavaan = as.character(packageVersion("lavaan")), nobs = lavInspect(fit, "nobs"),
              parameters = pe[pe$op != ":=", c("group", "lhs", "op", "rhs", "est", "se",
                                                "std.all")],
              fit = as.list(fm[intersect(keep, names(fm))]))
  write_json(obj, file.path(out_dir, "ordinal_riclpm.json"), digits = NA,
             auto_unbox = TRUE, pretty = TRUE)
})
