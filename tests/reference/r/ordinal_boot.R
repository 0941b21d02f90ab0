# Reference fixtures for the bootstrap of ordered indicators (issue 25): lavaan's se = "bootstrap"
# for a DWLS fit (lavaan refuses se = "bootstrap" with estimator = "WLSMV"; the estimates are the
# same), 100 ordinary resamples. Each resample's rows are stored (keep.idx = TRUE of
# bootstrapLavaan, after the same set.seed as the se = "bootstrap" fit, checked to give the same
# draws), so craftwave refits exactly lavaan's resamples: the draws, the bootstrap SEs (divisor
# B, as lav_model_nvcov_bootstrap) and the percentile intervals (parameterEstimates'
# boot.ci.type = "perc", which interpolates order statistics as boot's norm.inter) must agree.
#
# Reads tests/reference/data/ordinal_items.csv and ordinal_groups.csv; writes
# tests/reference/ordinal_boot.json (make_reference.R sources it before the scripts that write
# those data sets; they are committed and rewritten identically, seeded). Run from the root:
#   Rscript tests/reference/r/ordinal_boot.R

suppressPackageStartupMessages({
  library(lavaan)
  library(jsonlite)
})

local({
  out_dir <- file.path("tests", "reference")
  data_dir <- file.path(out_dir, "data")
  d <- read.csv(file.path(data_dir, "ordinal_items.csv"))
  dg <- read.csv(file.path(data_dir, "ordinal_groups.csv"), stringsAsFactors = FALSE)
  R <- 100L
  one <- function(model, data, ordered, seed, ...) {
    set.seed(seed)
    fit <- cfa(model, data, ordered = ordered, estimator = "DWLS", se = "bootstrap",
               bootstrap = R, ...)
    plain <- cfa(model, data, ordered = ordered, estimator = "DWLS", ...)
    set.seed(seed)
    boot <- bootstrapLavaan(plain, R = R, type = "ordinary", FUN = "coef", keep.idx = TRUE)
    draws <- fit@boot$coef
    stopifnot(isTRUE(all.equal(unname(draws), unname(boot[, , drop = FALSE]),
                               check.attributes = FALSE)))
    idx <- attr(boot, "boot.idx")
    pe <- parameterEstimates(fit, boot.ci.type = "perc")
    if (is.null(pe$group)) pe$group <- 1L
    pe <- pe[, c("group", "lhs", "op", "rhs", "est", "se", "ci.lower", "ci.upper")]
    list(model = model, options = list(...), seed = seed, R = R,
         nobs = lavInspect(fit, "nobs"),
         failed = length(attr(draws, "error.idx")),
         # per resample, per group: the rows drawn (1-based, within the group's rows)
         indices = idx, draws = unname(draws), parameters = pe)
  }
  three <- "f1 =~ x1 + x2 + x3\nf2 =~ x4 + x5 + x6\nf3 =~ x7 + x8 + x9"
  obj <- list(
    lavaan = as.character(packageVersion("lavaan")),
    cfa3 = one(three, d, names(d), seed = 2511),
    groups = one("f1 =~ y1 + y2 + y3\nf2 =~ y4 + y5 + y6", dg, paste0("y", 1:6),
                 seed = 2512, group = "grp")
  )
  write_json(obj, file.path(out_dir, "ordinal_boot.json"), digits = NA, auto_unbox = TRUE,
             na = "null")
})
