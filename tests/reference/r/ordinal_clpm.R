# Reference fixture for the panel models with several indicators per construct and wave
# (issue 25): two constructs, three 4-category items each, four waves, N = 1,000 with 5% of
# answers missing.
#
# - the ordinal multiple-indicator CLPM, free and stationary (lagged effects equal across
#   waves), and the ordinal multiple-indicator RI-CLPM, free and stationary: lavaan's WLSMV with
#   pairwise missing answers, thresholds of each item equal across waves;
# - defined parameters (indirect effects of each construct at wave 1 on the other at wave 3,
#   and a ratio of the cross-lagged effects) in the stationary models, with delta-method SEs
#   from the robust covariance matrix;
# - lavTestLRT of stationary against free (lavaan's default for WLSMV: method "satorra.2000",
#   the scaled-and-shifted difference);
# - the same items as continuous indicators: the stationary multiple-indicator CLPM by ML with
#   FIML (missing = "ml", fixed.x = FALSE).
#
# The models are the syntax craftwave's builders write, committed as tests/reference/data/
# {ordinal_clpm,ordinal_clpm_stationary,ordinal_riclpm4,ordinal_riclpm4_stationary,
# mi_clpm_stationary}.lav (tests/analysis/ordinal_clpm_models.py; a test checks they still
# agree); the threshold lines are added here as PanelModel.full_syntax adds them.
#
# Writes tests/reference/data/ordinal_clpm.csv and tests/reference/ordinal_clpm.json.
#
# Run from the repository root:  Rscript tests/reference/r/ordinal_clpm.R

suppressPackageStartupMessages({
  library(lavaan)
  library(jsonlite)
})

local({
  out_dir <- file.path("tests", "reference")
  data_dir <- file.path(out_dir, "data")
  set.seed(2511)
  n <- 1000
  waves <- 4
  ri <- MASS::mvrnorm(n, c(0, 0), matrix(c(.4, .15, .15, .4), 2))
  w <- array(0, c(n, 2, waves))
  w[, , 1] <- MASS::mvrnorm(n, c(0, 0), matrix(c(.6, .2, .2, .6), 2))
  for (t in 2:waves) {
    w[, 1, t] <- 0.45 * w[, 1, t - 1] + 0.15 * w[, 2, t - 1] + rnorm(n, sd = 0.6)
    w[, 2, t] <- 0.20 * w[, 1, t - 1] + 0.40 * w[, 2, t - 1] + rnorm(n, sd = 0.6)
  }
  lam <- c(1, 0.85, 0.75)
  cuts <- list(c(-1, 0, 1), c(-0.7, 0.2, 1.1), c(-1.1, -0.2, 0.8))
  d <- list()
  for (k in 1:2) {
    cname <- c("icraft", "resil")[k]
    for (j in 1:3) {
      item <- c("a", "b", "c")[j]
      ri_item <- ri[, k] * lam[j] + rnorm(n, sd = 0.25)
      for (t in 1:waves) {
        y <- ri_item + lam[j] * w[, k, t] + rnorm(n, sd = 0.55)
        d[[sprintf("%s_%s_w%d", cname, item, t)]] <- findInterval(y, cuts[[j]]) + 1
      }
    }
  }
  d <- as.data.frame(d)
  for (j in seq_along(d)) d[runif(n) < 0.05, j] <- NA
  write.csv(d, file.path(data_dir, "ordinal_clpm.csv"), row.names = FALSE)

  # the threshold lines PanelModel.full_syntax adds: each item's thresholds equal across waves
  thresholds <- function() {
    lines <- c("", "# thresholds, equal across waves (from the data's categories)")
    for (cname in c("icraft", "resil")) for (item in c("a", "b", "c")) {
      for (t in 1:waves) {
        col <- sprintf("%s_%s_w%d", cname, item, t)
        k <- length(unique(na.omit(d[[col]]))) - 1
        lines <- c(lines, paste0(col, " | ", paste0(sprintf("th_%s_%s_%d*t%d", cname, item,
                                                             1:k, 1:k), collapse = " + ")))
      }
    }
    lines
  }
  read_model <- function(name, ordered = TRUE) {
    text <- readLines(file.path(data_dir, paste0(name, ".lav")))
    if (ordered) {
      while (length(text) && text[length(text)] == "") text <- text[-length(text)]
      text <- c(text, thresholds())
    }
    paste(text, collapse = "\n")
  }
  keep <- c("npar", "chisq", "df", "chisq.scaled", "df.scaled", "pvalue.scaled",
            "chisq.scaling.factor", "cfi.scaled", "tli.scaled", "rmsea.scaled", "srmr",
            "logl", "cfi", "tli", "rmsea")
  summarise <- function(fit) {
    pe <- parameterEstimates(fit, standardized = TRUE)
    pe$group <- 1L
    fm <- fitMeasures(fit)
    defd <- pe[pe$op == ":=", c("lhs", "rhs", "est", "se", "z", "pvalue", "ci.lower",
                                 "ci.upper", "std.all")]
    list(nobs = lavInspect(fit, "nobs"),
         parameters = pe[pe$op != ":=", c("group", "lhs", "op", "rhs", "est", "se", "std.all")],
         defined = defd, fit = as.list(fm[intersect(keep, names(fm))]))
  }
  out <- list(lavaan = as.character(packageVersion("lavaan")))
  fits <- list()
  for (name in c("ordinal_clpm", "ordinal_clpm_stationary", "ordinal_riclpm4",
                 "ordinal_riclpm4_stationary")) {
    fits[[name]] <- lavaan::sem(read_model(name), d, ordered = names(d), estimator = "WLSMV",
                                missing = "pairwise")
    out[[name]] <- summarise(fits[[name]])
  }
  lrt <- function(restricted, free) {
    tab <- lavTestLRT(fits[[free]], fits[[restricted]])   # default for WLSMV: satorra.2000
    list(method = attr(tab, "heading"), chisq_diff = tab[["Chisq diff"]][2],
         df_diff = tab[["Df diff"]][2], pvalue = tab[["Pr(>Chisq)"]][2],
         chisq = tab[["Chisq"]], df = tab[["Df"]])
  }
  out$compare_clpm <- lrt("ordinal_clpm_stationary", "ordinal_clpm")
  out$compare_riclpm <- lrt("ordinal_riclpm4_stationary", "ordinal_riclpm4")
  cont <- lavaan::sem(read_model("mi_clpm_stationary", ordered = FALSE), d, missing = "ml",
                      fixed.x = FALSE)
  out$mi_clpm_stationary <- summarise(cont)
  write_json(out, file.path(out_dir, "ordinal_clpm.json"), digits = NA, auto_unbox = TRUE,
             pretty = TRUE)
})
