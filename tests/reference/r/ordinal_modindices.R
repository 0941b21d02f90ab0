# Reference fixtures for modification indices and score tests of ordered indicators (issue 25):
# lavaan's modindices() and lavTestScore() after a WLSMV (DWLS) fit, which use the DWLS expected
# information (Delta' W Delta, W = diag(1 / diag(NACOV))) and the gradient of the DWLS fit
# function.
#
# Reads tests/reference/data/ordinal_items.csv and ordinal_groups.csv, and the Wu-Estabrook
# syntax of the multi-group levels stored in tests/reference/ordinal_groups.json (so both sides
# fit the same models). Writes tests/reference/ordinal_modindices.json. Constraints are written
# out as the parameters they name (lhs op rhs group), not as lavaan's plabels.
#
# Run from the repository root:  Rscript tests/reference/r/ordinal_modindices.R

suppressPackageStartupMessages({
  library(lavaan)
  library(jsonlite)
})

local({
  out_dir <- file.path("tests", "reference")
  data_dir <- file.path(out_dir, "data")
  d <- read.csv(file.path(data_dir, "ordinal_items.csv"))
  dg <- read.csv(file.path(data_dir, "ordinal_groups.csv"), stringsAsFactors = FALSE)
  groups <- fromJSON(file.path(out_dir, "ordinal_groups.json"))
  three <- "f1 =~ x1 + x2 + x3\nf2 =~ x4 + x5 + x6\nf3 =~ x7 + x8 + x9"

  mi_table <- function(fit) {
    mi <- modindices(fit, sort. = TRUE)
    keep <- intersect(c("lhs", "op", "rhs", "group", "mi", "epc", "sepc.lv", "sepc.all",
                        "sepc.nox"), names(mi))
    out <- as.data.frame(mi)[, keep]
    if (!"group" %in% names(out)) out$group <- 1L
    rownames(out) <- NULL
    out
  }
  describe_par <- function(pt, x) {
    i <- which(pt$plabel == x)
    if (length(i) == 0L) i <- which(pt$label == x)
    i <- i[1]
    list(lhs = pt$lhs[i], op = pt$op[i], rhs = pt$rhs[i], group = pt$group[i])
  }
  score_table <- function(fit, tab) {
    pt <- parTable(fit)
    lapply(seq_len(nrow(tab)), function(k) {
      list(lhs = describe_par(pt, tab$lhs[k]), rhs = describe_par(pt, tab$rhs[k]),
           X2 = tab$X2[k], df = tab$df[k], p_value = tab$p.value[k])
    })
  }
  score <- function(fit) {
    st <- suppressWarnings(lavTestScore(fit, univariate = TRUE, cumulative = TRUE, epc = TRUE))
    epc <- as.data.frame(st$epc)
    if (!"group" %in% names(epc)) epc$group <- 1L
    epc <- epc[!is.na(epc$epc), c("lhs", "op", "rhs", "group", "est", "epc")]
    rownames(epc) <- NULL
    list(total = list(X2 = st$test$X2, df = st$test$df, p_value = st$test$p.value),
         univariate = score_table(fit, st$uni), cumulative = score_table(fit, st$cumulative),
         epc = epc)
  }
  one <- function(model, data, ordered, tests = FALSE, ...) {
    fit <- lavaan::cfa(model, data, ordered = ordered, estimator = "WLSMV", ...)
    out <- list(model = model, options = list(...), nobs = lavInspect(fit, "nobs"),
                chisq = unname(fitMeasures(fit, "chisq")), modindices = mi_table(fit))
    if (tests) out$score <- score(fit)
    out
  }
  items <- paste0("x", 1:9)
  gitems <- paste0("y", 1:6)
  obj <- list(
    lavaan = as.character(packageVersion("lavaan")),
    cfa3 = one(three, d, items),
    cfa3_std_lv = one(three, d, items, std.lv = TRUE),
    cfa3_theta = one(three, d, items, parameterization = "theta"),
    cfa3_labels = one(paste0("f1 =~ x1 + a*x2 + x3\nf2 =~ x4 + a*x5 + x6\nf3 =~ x7 + x8 + x9\n",
                             "x1 | th*t1\nx4 | th*t1"),
                      d, items, tests = TRUE),
    groups_thresholds = one(groups$thresholds$model, dg, gitems, tests = TRUE, group = "grp"),
    groups_metric = one(groups$metric$model, dg, gitems, tests = TRUE, group = "grp"),
    groups_scalar = one(groups$scalar$model, dg, gitems, tests = TRUE, group = "grp")
  )
  write_json(obj, file.path(out_dir, "ordinal_modindices.json"), digits = NA,
             auto_unbox = TRUE, pretty = TRUE, na = "null")
})
