# Reference fixtures for longitudinal invariance of ordered indicators (issue 25): one construct
# with three 4-category items at three waves, the Wu and Estabrook (2016) sequence as semTools'
# measEq.syntax writes it (ID.fac = "std.lv", ID.cat = "Wu.Estabrook.2016", lag-1 residual
# covariances of each item), fitted by WLSMV in lavaan; each level's syntax is stored.
#
# Writes tests/reference/data/ordinal_long.csv and tests/reference/ordinal_long.json.
#
# Run from the repository root:  Rscript tests/reference/r/ordinal_long.R

suppressPackageStartupMessages({
  library(lavaan)
  library(semTools)
  library(jsonlite)
})

local({
  out_dir <- file.path("tests", "reference")
  data_dir <- file.path(out_dir, "data")
  set.seed(2504)
  n <- 450
  eta <- matrix(0, n, 3)
  eta[, 1] <- rnorm(n)
  for (t in 2:3) eta[, t] <- 0.2 + 0.7 * eta[, t - 1] + rnorm(n, sd = 0.6)
  lam <- c(.75, .65, .7)
  cuts <- list(c(-1, 0, 1), c(-0.5, 0.4, 1.3), c(-1.3, -0.3, 0.7))
  d <- list()
  for (t in 1:3) {
    u <- matrix(rnorm(n * 3), n, 3)
    for (j in 1:3) {
      y <- lam[j] * eta[, t] + sqrt(1 - lam[j]^2) * u[, j]
      d[[paste0("c", j, "_w", t)]] <- findInterval(y, cuts[[j]]) + 1
    }
  }
  d <- as.data.frame(d)
  write.csv(d, file.path(data_dir, "ordinal_long.csv"), row.names = FALSE)
  model <- paste("C1 =~ c1_w1 + c2_w1 + c3_w1", "C2 =~ c1_w2 + c2_w2 + c3_w2",
                 "C3 =~ c1_w3 + c2_w3 + c3_w3", sep = "\n")
  items <- names(d)
  levels <- list(configural = character(0), thresholds = "thresholds",
                 metric = c("thresholds", "loadings"),
                 scalar = c("thresholds", "loadings", "intercepts"))
  keep <- c("npar", "chisq", "df", "chisq.scaled", "pvalue.scaled", "cfi.scaled",
            "rmsea.scaled", "srmr")
  obj <- list(lavaan = as.character(packageVersion("lavaan")),
              semtools = as.character(packageVersion("semTools")))
  fits <- list()
  for (level in names(levels)) {
    syn <- measEq.syntax(model, d, ordered = items, ID.fac = "std.lv",
                         ID.cat = "Wu.Estabrook.2016", parameterization = "delta",
                         longFacNames = list(C = c("C1", "C2", "C3")),
                         long.equal = levels[[level]], auto = 1L)
    fit <- lavaan::cfa(as.character(syn), d, ordered = items, estimator = "WLSMV")
    fits[[level]] <- fit
    pe <- parameterEstimates(fit, standardized = TRUE)
    pe$group <- 1L
    fm <- fitMeasures(fit)
    obj[[level]] <- list(model = as.character(syn), nobs = lavInspect(fit, "nobs"),
                         parameters = pe[pe$op != ":=", c("group", "lhs", "op", "rhs", "est",
                                                          "se", "std.all")],
                         fit = as.list(fm[intersect(keep, names(fm))]))
  }
  for (k in 2:length(fits)) {
    lrt <- lavTestLRT(fits[[k]], fits[[k - 1]])
    obj[[names(fits)[k]]]$lrt <- list(chisq_diff = lrt[["Chisq diff"]][2],
                                      df_diff = lrt[["Df diff"]][2],
                                      pvalue = lrt[["Pr(>Chisq)"]][2])
  }
  write_json(obj, file.path(out_dir, "ordinal_long.json"), digits = NA,
             auto_unbox = TRUE, pretty = TRUE)
})
