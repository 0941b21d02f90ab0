# Reference fixtures for the output a paper needs (craftwave's analysis.sem outputs):
# R-squared (lavInspect "r2"), standardizedSolution (std.all, std.lv, std.nox with delta-method
# SEs), residuals (raw, cor.bollen, cor.bentler, standardized), lavPredict (regression and
# Bartlett, also under FIML) and observed interaction terms (y ~ x + w + x:w).
#
# Reads the data sets tests/reference/r/sem.R wrote (it never writes data) and writes
# tests/reference/sem_outputs_*.json.
#
# Run from the repository root:  Rscript tests/reference/r/sem_outputs.R

suppressPackageStartupMessages({
  library(lavaan)
  library(jsonlite)
})

local({
  out_dir <- file.path("tests", "reference")
  data_dir <- file.path(out_dir, "data")
  read <- function(name) read.csv(file.path(data_dir, name), stringsAsFactors = FALSE)

  std_table <- function(fit, type) {
    s <- standardizedSolution(fit, type = type)
    if (!"group" %in% names(s)) s$group <- 1L
    if (!"label" %in% names(s)) s$label <- ""
    s[, c("lhs", "op", "rhs", "group", "label", "est.std", "se", "z", "pvalue", "ci.lower",
          "ci.upper")]
  }

  r2_table <- function(fit) {
    r2 <- lavInspect(fit, "r2")
    if (!is.list(r2)) r2 <- list(r2)
    do.call(rbind, lapply(seq_along(r2), function(g) {
      data.frame(group = g, name = names(r2[[g]]), r2 = unname(r2[[g]]))
    }))
  }

  residual_list <- function(fit, type) {
    res <- residuals(fit, type = type)
    # one group: a list with cov (and mean); several: a list of such lists
    groups <- if (!is.null(res$cov)) list(res) else res
    lapply(groups, function(r) {
      out <- list(type = type, names = rownames(r$cov), cov = unclass(r$cov))
      if (!is.null(r$mean)) out$mean <- as.numeric(r$mean)
      out
    })
  }

  predict_table <- function(fit, method) {
    # several groups: assemble = TRUE puts the scores back in the rows of the data
    multi <- lavInspect(fit, "ngroups") > 1L
    fs <- lavPredict(fit, method = method, assemble = multi)
    as.data.frame(unclass(fs))
  }

  describe <- function(fit, model, data_file, args, predict = TRUE, standardized = TRUE) {
    pe <- parameterEstimates(fit)
    if (!"group" %in% names(pe)) pe$group <- 1L
    if (!"label" %in% names(pe)) pe$label <- ""
    out <- list(model = model, data = data_file, args = args,
                lavaan_version = as.character(packageVersion("lavaan")),
                nobs = as.list(lavInspect(fit, "nobs")),
                parameters = pe[, c("lhs", "op", "rhs", "group", "label", "est", "se")],
                fit = as.list(fitMeasures(fit, c("chisq", "df", "srmr", "logl", "cfi"))),
                r2 = r2_table(fit),
                residuals = list(raw = residual_list(fit, "raw"),
                                 cor = residual_list(fit, "cor"),
                                 cor_bentler = residual_list(fit, "cor.bentler")))
    if (standardized) {
      out$standardized <- list(std_all = std_table(fit, "std.all"),
                               std_lv = std_table(fit, "std.lv"),
                               std_nox = std_table(fit, "std.nox"))
    }
    out$residuals$standardized <- residual_list(fit, "standardized")
    out$residuals$normalized <- residual_list(fit, "normalized")
    if (predict) {
      out$predict <- list(regression = predict_table(fit, "regression"),
                          bartlett = predict_table(fit, "Bartlett"))
    }
    out
  }

  save <- function(obj, name) {
    write_json(obj, file.path(out_dir, name), digits = NA, auto_unbox = TRUE, pretty = TRUE,
               na = "null", matrix = "rowmajor", dataframe = "rows")
  }

  hs <- read("sem_hs.csv")
  hs_model <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"

  # ---- Holzinger-Swineford CFA --------------------------------------------------------------
  fit <- cfa(hs_model, data = hs)
  save(describe(fit, hs_model, "sem_hs.csv", list()), "sem_outputs_hs_cfa.json")

  # ---- MIMIC: latent and observed endogenous variables, a covariate (std.nox differs) --------
  mimic_model <- paste(hs_model, "visual + textual ~ grade", "x3 ~ grade", sep = "\n")
  fit <- sem(mimic_model, data = hs)
  save(describe(fit, mimic_model, "sem_hs.csv", list()),
       "sem_outputs_mimic.json")

  # ---- Political democracy: latent regressions, equality labels, defined parameters --------
  pd <- read("sem_poldem.csv")
  pd_model <- paste(
    "ind60 =~ x1 + x2 + x3",
    "dem60 =~ y1 + a*y2 + b*y3 + c*y4",
    "dem65 =~ y5 + a*y6 + b*y7 + c*y8",
    "dem60 ~ p1*ind60",
    "dem65 ~ p2*ind60 + p3*dem60",
    "y1 ~~ y5",
    "y2 ~~ y4 + y6",
    "y3 ~~ y7",
    "y4 ~~ y8",
    "y6 ~~ y8",
    "indirect := p1*p3",
    "total := p2 + p1*p3", sep = "\n")
  fit <- sem(pd_model, data = pd)
  save(describe(fit, pd_model, "sem_poldem.csv", list()), "sem_outputs_poldem.json")

  # ---- observed mediation with a defined indirect effect ------------------------------------
  med <- read("sem_mediation.csv")
  med_model <- paste("M ~ a*X + W", "Y ~ b*M + c*X", "ab := a*b", "total := c + a*b",
                     sep = "\n")
  fit <- sem(med_model, data = med)
  save(describe(fit, med_model, "sem_mediation.csv", list(), predict = FALSE),
       "sem_outputs_mediation.json")

  # ---- multi-group CFA (per-group R-squared, standardized solution, residuals) -------------
  fit <- cfa(hs_model, data = hs, group = "school", group.equal = "loadings")
  save(describe(fit, hs_model, "sem_hs.csv", list(group = "school", group_equal = "loadings")),
       "sem_outputs_mg.json")

  # ---- FIML: factor scores case-wise over missing-data patterns -----------------------------
  hsm <- read("sem_hs_missing.csv")
  fit <- cfa(hs_model, data = hsm, missing = "ml")
  save(describe(fit, hs_model, "sem_hs_missing.csv", list(missing = "fiml")),
       "sem_outputs_fiml.json")

  # ---- MLR under FIML: standardized SEs from the sandwich covariance matrix -----------------
  fit <- cfa(hs_model, data = hsm, missing = "ml", estimator = "MLR")
  save(describe(fit, hs_model, "sem_hs_missing.csv", list(missing = "fiml", estimator = "MLR"),
                predict = FALSE),
       "sem_outputs_fiml_mlr.json")

  # ---- observed interaction terms: lavaan builds the product column from the data ----------
  int_model <- "Y ~ X + W + X:W\nM ~ X + X:W"
  fit <- sem(int_model, data = med)
  out <- describe(fit, int_model, "sem_mediation.csv", list(), predict = FALSE)
  pe <- parameterEstimates(fit, standardized = TRUE)
  out$parameters <- pe[, c("lhs", "op", "rhs", "est", "se", "z", "pvalue", "std.all")]
  out$fit <- as.list(fitMeasures(fit, c("npar", "chisq", "df", "logl", "aic", "bic", "srmr")))
  save(out, "sem_outputs_interaction.json")
})
