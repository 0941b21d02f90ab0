# Reference fixtures for WLSMV with ordered indicators (issue 25): lavaan's DWLS estimates, robust
# SEs, std.all and (scaled) fit measures, delta parameterisation; semTools' compRelSEM reliability.
#
# Reads tests/reference/data/ordinal_items.csv and ordinal_items_missing.csv (written by
# ordinal_polychoric.R, which runs first) and writes tests/reference/ordinal_wlsmv.json.
#
# Run from the repository root:  Rscript tests/reference/r/ordinal_wlsmv.R

suppressPackageStartupMessages({
  library(lavaan)
  library(semTools)
  library(jsonlite)
})

local({
  out_dir <- file.path("tests", "reference")
  data_dir <- file.path(out_dir, "data")
  d <- read.csv(file.path(data_dir, "ordinal_items.csv"))
  dm <- read.csv(file.path(data_dir, "ordinal_items_missing.csv"))
  three <- "f1 =~ x1 + x2 + x3\nf2 =~ x4 + x5 + x6\nf3 =~ x7 + x8 + x9"
  keep <- c("npar", "chisq", "df", "pvalue", "chisq.scaled", "df.scaled", "pvalue.scaled",
            "chisq.scaling.factor", "chisq.shift.parameter", "baseline.chisq", "baseline.df",
            "baseline.chisq.scaled", "cfi", "tli", "cfi.scaled", "tli.scaled", "rmsea",
            "rmsea.ci.lower", "rmsea.ci.upper", "rmsea.scaled", "rmsea.ci.lower.scaled",
            "rmsea.ci.upper.scaled", "srmr", "fmin")
  run <- function(model, data, ...) {
    items <- setdiff(names(data), "grp")
    fit <- lavaan::cfa(model, data, ordered = items, ...)
    pe <- parameterEstimates(fit, standardized = TRUE)
    if (is.null(pe$group)) pe$group <- 1L
    pe <- pe[pe$op != ":=", c("group", "lhs", "op", "rhs", "est", "se", "std.all")]
    fm <- fitMeasures(fit)
    list(model = model, options = list(...), nobs = lavInspect(fit, "nobs"),
         parameters = pe, fit = as.list(fm[intersect(keep, names(fm))]),
         # categorical omega (observed sum score) and ordinal alpha (latent responses)
         omega = as.list(compRelSEM(fit)),
         alpha_ordinal = as.list(compRelSEM(fit, tau.eq = TRUE, ord.scale = FALSE)))
  }
  obj <- list(
    lavaan = as.character(packageVersion("lavaan")),
    cfa3 = run(three, d, estimator = "WLSMV"),
    cfa3_std_lv = run(three, d, estimator = "WLSMV", std.lv = TRUE),
    cfa3_dwls = run(three, d, estimator = "DWLS"),
    cfa3_ulsmv = run(three, d, estimator = "ULSMV"),
    cfa3_uls = run(three, d, estimator = "ULS"),
    sem_paths = run(paste0("f1 =~ x1 + x2 + x3\nf2 =~ x4 + x5 + x6\nf3 =~ x7 + x8 + x9\n",
                           "f3 ~ f1 + f2\nx2 ~~ x5"), d, estimator = "WLSMV"),
    one_factor_pairwise = run("g =~ x1 + x2 + x3 + x4 + x5 + x6", dm[, paste0("x", 1:6)],
                              estimator = "WLSMV", missing = "pairwise"),
    thresholds_constrained = run(paste0(
      "g =~ x1 + x2 + x3 + x4 + x5 + x6\n",
      "x1 | a*t1 + b*t2 + c*t3\nx4 | a*t1 + b*t2 + c*t3\n",
      "x2 | 0.3*t2\nx3 | d*t1\nx5 | e*t1\nd == e"), d[, paste0("x", 1:6)],
      estimator = "WLSMV"),
    one_factor_listwise = run("g =~ x1 + x2 + x3 + x4 + x5 + x6", dm[, paste0("x", 1:6)],
                              estimator = "WLSMV")
  )
  write_json(obj, file.path(out_dir, "ordinal_wlsmv.json"), digits = NA,
             auto_unbox = TRUE, pretty = TRUE)
})
