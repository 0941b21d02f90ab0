# Reference fixtures for craftwave's SEM engine (analysis.sem, analysis.invariance).
#
# Every data set is written to tests/reference/data/sem_*.csv and read back before fitting, so
# R and Python fit exactly the same numbers. For each model the fixture tests/reference/sem_*.json
# holds lavaan's parameter table (parameterEstimates with std.all), its fitMeasures, and for the
# invariance sequences the chi-square difference tests of lavTestLRT.
#
# Run from the repository root:  Rscript tests/reference/r/sem.R

suppressPackageStartupMessages({
  library(lavaan)
  library(jsonlite)
})

local({
  out_dir <- file.path("tests", "reference")
  data_dir <- file.path(out_dir, "data")
  dir.create(data_dir, showWarnings = FALSE, recursive = TRUE)

  fm_names <- c("npar", "chisq", "df", "pvalue", "cfi", "tli", "rmsea", "rmsea.ci.lower",
                "rmsea.ci.upper", "srmr", "logl", "unrestricted.logl", "aic", "bic",
                "baseline.chisq", "baseline.df", "ntotal")
  robust_names <- c("chisq.scaled", "df.scaled", "pvalue.scaled", "chisq.scaling.factor",
                    "baseline.chisq.scaled", "baseline.chisq.scaling.factor",
                    "cfi.robust", "tli.robust", "rmsea.robust",
                    "rmsea.ci.lower.robust", "rmsea.ci.upper.robust", "srmr")

  write_csv <- function(df, name) {
    path <- file.path(data_dir, name)
    write.csv(df, path, row.names = FALSE, na = "")
    read.csv(path, stringsAsFactors = FALSE)
  }

  describe <- function(fit, model, data_file, args) {
    pe <- parameterEstimates(fit, standardized = TRUE, remove.eq = FALSE,
                             remove.ineq = FALSE, remove.def = FALSE)
    if (!"group" %in% names(pe)) pe$group <- 1L
    if (!"label" %in% names(pe)) pe$label <- ""
    keep <- intersect(c("lhs", "op", "rhs", "group", "label", "est", "se", "z", "pvalue",
                        "ci.lower", "ci.upper", "std.all"), names(pe))
    pe <- pe[, keep]
    names_fm <- fm_names
    if (lavInspect(fit, "options")$estimator == "MLR" ||
        lavInspect(fit, "options")$test[1] != "standard") {
      names_fm <- unique(c(names_fm, robust_names))
    }
    fm <- as.list(fitMeasures(fit, names_fm))
    list(model = model, data = data_file, args = args,
         lavaan_version = as.character(packageVersion("lavaan")),
         converged = lavInspect(fit, "converged"),
         nobs = as.list(lavInspect(fit, "nobs")),
         group_labels = as.list(lavInspect(fit, "group.label")),
         parameters = pe, fit = fm)
  }

  save <- function(obj, name) {
    write_json(obj, file.path(out_dir, name), digits = NA, auto_unbox = TRUE, pretty = TRUE,
               na = "null")
  }

  # ---- Holzinger-Swineford three-factor CFA: ML and MLR ----------------------------------
  hs <- HolzingerSwineford1939[, c("id", "school", "grade", paste0("x", 1:9))]
  hs <- write_csv(hs, "sem_hs.csv")
  hs_model <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
  fit <- cfa(hs_model, data = hs)
  save(describe(fit, hs_model, "sem_hs.csv", list(estimator = "ML")), "sem_hs_cfa_ml.json")
  fit <- cfa(hs_model, data = hs, estimator = "MLR")
  save(describe(fit, hs_model, "sem_hs.csv", list(estimator = "MLR")), "sem_hs_cfa_mlr.json")

  # ---- Political democracy: equality labels, residual covariances, defined parameter ------
  pd <- write_csv(PoliticalDemocracy, "sem_poldem.csv")
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
  save(describe(fit, pd_model, "sem_poldem.csv", list(estimator = "ML")), "sem_poldem_ml.json")

  # ---- observed mediation with fixed.x and defined parameters ------------------------------
  set.seed(5101)
  n <- 250
  x <- rnorm(n)
  w <- 0.3 * x + rnorm(n)
  m <- 0.5 * x + 0.2 * w + rnorm(n)
  y <- 0.4 * m + 0.2 * x + rnorm(n)
  med <- write_csv(data.frame(X = round(x, 4), W = round(w, 4), M = round(m, 4),
                              Y = round(y, 4)), "sem_mediation.csv")
  med_model <- paste("M ~ a*X + W", "Y ~ b*M + c*X", "ab := a*b", "total := c + a*b",
                     sep = "\n")
  fit <- sem(med_model, data = med)
  save(describe(fit, med_model, "sem_mediation.csv", list(estimator = "ML")),
       "sem_mediation_ml.json")

  fit <- sem(med_model, data = med, estimator = "MLR")
  save(describe(fit, med_model, "sem_mediation.csv", list(estimator = "MLR")),
       "sem_mediation_mlr.json")

  # ---- syntax features: higher order, MIMIC with a direct effect, std.lv, ==, c() -----------
  features <- list(
    higher_order = list(model = paste(hs_model, "g =~ visual + textual + speed", sep = "\n"),
                        args = list()),
    mimic = list(model = paste(hs_model, "visual + textual ~ grade", "x3 ~ grade",
                               sep = "\n"), args = list()),
    std_lv = list(model = paste("visual =~ NA*x1 + x2 + x3", "textual =~ NA*x4 + x5 + x6",
                                "visual ~~ 1*visual", "textual ~~ 1*textual",
                                "x1 ~~ x4", sep = "\n"), args = list()),
    constraint = list(model = paste("visual =~ x1 + x2 + x3",
                                    "textual =~ x4 + l5*x5 + l6*x6", "l5 == l6",
                                    "ratio := l5 / 2", sep = "\n"), args = list()),
    group_vectors = list(model = paste("visual =~ x1 + c(a, a)*x2 + c(b1, b2)*x3",
                                       "textual =~ x4 + x5 + x6", "x1 ~ c(0, NA)*1",
                                       "diff := b1 - b2", sep = "\n"),
                         args = list(group = "school"))
  )
  for (nm in names(features)) {
    f <- features[[nm]]
    fit <- do.call("sem", c(list(model = f$model, data = quote(hs)), f$args))
    save(describe(fit, f$model, "sem_hs.csv", c(list(estimator = "ML"), f$args)),
         sprintf("sem_feature_%s.json", nm))
  }

  # ---- FIML on Holzinger-Swineford with MAR missingness: ML and MLR -----------------------
  set.seed(4242)
  hsm <- hs[, c("id", "school", paste0("x", 1:9))]
  z <- as.numeric(scale(hsm$x1))
  for (v in c("x2", "x3", "x5", "x6", "x8", "x9")) {
    p_miss <- plogis(-2 + 0.8 * z)
    hsm[[v]][runif(nrow(hsm)) < p_miss] <- NA
  }
  hsm <- write_csv(hsm, "sem_hs_missing.csv")
  fit <- cfa(hs_model, data = hsm, missing = "ml")
  save(describe(fit, hs_model, "sem_hs_missing.csv", list(estimator = "ML", missing = "fiml")),
       "sem_hs_fiml_ml.json")
  fit <- cfa(hs_model, data = hsm, missing = "ml", estimator = "MLR")
  save(describe(fit, hs_model, "sem_hs_missing.csv", list(estimator = "MLR", missing = "fiml")),
       "sem_hs_fiml_mlr.json")

  fit <- cfa(hs_model, data = hsm, missing = "ml", group = "school",
             group.equal = c("loadings", "intercepts"))
  save(describe(fit, hs_model, "sem_hs_missing.csv",
                list(estimator = "ML", missing = "fiml", group = "school",
                     group_equal = c("loadings", "intercepts"))),
       "sem_mg_fiml_scalar_ml.json")
  fit <- cfa(hs_model, data = hsm, missing = "ml", group = "school", estimator = "MLR",
             group.equal = c("loadings", "intercepts"))
  save(describe(fit, hs_model, "sem_hs_missing.csv",
                list(estimator = "MLR", missing = "fiml", group = "school",
                     group_equal = c("loadings", "intercepts"))),
       "sem_mg_fiml_scalar_mlr.json")

  # ---- a four-wave random-intercept cross-lagged panel model (RI-CLPM), FIML ---------------
  set.seed(9090)
  n <- 500
  ri <- MASS::mvrnorm(n, c(0, 0), matrix(c(1, 0.3, 0.3, 0.8), 2))
  wx <- wy <- matrix(0, n, 4)
  wx[, 1] <- rnorm(n); wy[, 1] <- 0.3 * wx[, 1] + rnorm(n, 0, 0.95)
  for (t in 2:4) {
    wx[, t] <- 0.4 * wx[, t - 1] + 0.15 * wy[, t - 1] + rnorm(n, 0, 0.8)
    wy[, t] <- 0.1 * wx[, t - 1] + 0.35 * wy[, t - 1] + rnorm(n, 0, 0.8)
  }
  pan <- data.frame(id = seq_len(n))
  for (t in 1:4) {
    pan[[paste0("x", t)]] <- round(3 + 0.1 * t + ri[, 1] + wx[, t], 3)
    pan[[paste0("y", t)]] <- round(2 + ri[, 2] + wy[, t], 3)
  }
  for (t in 2:4) {  # attrition
    gone <- runif(n) < 0.08 * (t - 1)
    pan[gone, paste0(c("x", "y"), t)] <- NA
  }
  pan <- write_csv(pan, "sem_riclpm.csv")
  riclpm_model <- paste(
    "RIx =~ 1*x1 + 1*x2 + 1*x3 + 1*x4",
    "RIy =~ 1*y1 + 1*y2 + 1*y3 + 1*y4",
    paste0("wx", 1:4, " =~ 1*x", 1:4, collapse = "\n"),
    paste0("wy", 1:4, " =~ 1*y", 1:4, collapse = "\n"),
    paste0("x", 1:4, " ~~ 0*x", 1:4, collapse = "\n"),
    paste0("y", 1:4, " ~~ 0*y", 1:4, collapse = "\n"),
    "wx2 ~ wx1 + wy1\nwy2 ~ wx1 + wy1",
    "wx3 ~ wx2 + wy2\nwy3 ~ wx2 + wy2",
    "wx4 ~ wx3 + wy3\nwy4 ~ wx3 + wy3",
    "wx1 ~~ wy1\nwx2 ~~ wy2\nwx3 ~~ wy3\nwx4 ~~ wy4",
    "RIx ~~ RIy",
    "RIx + RIy ~~ 0*wx1 + 0*wy1", sep = "\n")
  fit <- sem(riclpm_model, data = pan, missing = "ml")
  save(describe(fit, riclpm_model, "sem_riclpm.csv", list(estimator = "ML", missing = "fiml")),
       "sem_riclpm_fiml_ml.json")
  fit <- sem(riclpm_model, data = pan, missing = "ml", estimator = "MLR")
  save(describe(fit, riclpm_model, "sem_riclpm.csv", list(estimator = "MLR", missing = "fiml")),
       "sem_riclpm_fiml_mlr.json")

  # ---- multi-group invariance: HS by school (ML and MLR) ----------------------------------
  levels_eq <- list(configural = character(0), metric = c("loadings"),
                    scalar = c("loadings", "intercepts"),
                    strict = c("loadings", "intercepts", "residuals"))
  for (est in c("ML", "MLR")) {
    fits <- list()
    for (lev in names(levels_eq)) {
      fits[[lev]] <- cfa(hs_model, data = hs, group = "school", group.equal = if (length(levels_eq[[lev]])) levels_eq[[lev]] else "",
                         estimator = est)
      save(describe(fits[[lev]], hs_model, "sem_hs.csv",
                    list(estimator = est, group = "school", group_equal = levels_eq[[lev]])),
           sprintf("sem_mg_%s_%s.json", lev, tolower(est)))
    }
    steps <- list()
    for (i in 2:length(fits)) {
      lrt <- lavTestLRT(fits[[i - 1]], fits[[i]])
      steps[[names(fits)[i]]] <- list(delta_chisq = lrt[["Chisq diff"]][2],
                                      delta_df = lrt[["Df diff"]][2],
                                      delta_pvalue = lrt[["Pr(>Chisq)"]][2])
    }
    save(steps, sprintf("sem_mg_lrt_%s.json", tolower(est)))
  }

  # ---- partial scalar invariance (lavaan's group.partial) ---------------------------------
  partial <- c("visual =~ x2", "x3 ~ 1")
  fit <- cfa(hs_model, data = hs, group = "school", group.equal = c("loadings", "intercepts"),
             group.partial = partial)
  save(describe(fit, hs_model, "sem_hs.csv",
                list(estimator = "ML", group = "school",
                     group_equal = c("loadings", "intercepts"), group_partial = partial)),
       "sem_mg_partial_ml.json")

  # ---- longitudinal invariance: one factor, four indicators, three waves -----------------
  set.seed(7303)
  n <- 400
  lam <- c(1, 0.8, 0.7, 0.9)
  nu <- c(3, 2.5, 2.8, 3.1)
  theta <- c(0.5, 0.6, 0.55, 0.45)
  eta <- matrix(0, n, 3)
  eta[, 1] <- rnorm(n, 0, 1)
  eta[, 2] <- 0.2 + 0.6 * eta[, 1] + rnorm(n, 0, 0.8)
  eta[, 3] <- 0.3 + 0.6 * eta[, 2] + rnorm(n, 0, 0.8)
  u <- matrix(rnorm(n * 4), n, 4)  # indicator-specific stable parts: residual autocorrelation
  long <- data.frame(id = seq_len(n))
  for (t in 1:3) {
    for (j in 1:4) {
      e <- 0.35 * u[, j] + rnorm(n, 0, sqrt(theta[j]))
      long[[sprintf("jc_%d_w%d", j, t)]] <- round(nu[j] + lam[j] * eta[, t] + e, 3)
    }
  }
  long <- write_csv(long, "sem_long.csv")
  ind <- function(j, t) sprintf("jc_%d_w%d", j, t)
  long_syntax <- function(level) {
    lines <- character(0)
    for (t in 1:3) {
      terms <- sapply(1:4, function(j) {
        if (j == 1) paste0("1*", ind(j, t))
        else if (level != "configural") paste0("l", j, "*", ind(j, t))
        else ind(j, t)
      })
      lines <- c(lines, sprintf("F%d =~ %s", t, paste(terms, collapse = " + ")))
      for (j in 1:4) {
        if (level %in% c("scalar", "strict")) {
          lines <- c(lines, sprintf("%s ~ i%d*1", ind(j, t), j))
        } else {
          lines <- c(lines, sprintf("%s ~ 1", ind(j, t)))
        }
        if (level == "strict") lines <- c(lines, sprintf("%s ~~ r%d*%s", ind(j, t), j, ind(j, t)))
      }
      if (level %in% c("scalar", "strict") && t > 1) {
        lines <- c(lines, sprintf("F%d ~ 1", t))
      } else {
        lines <- c(lines, sprintf("F%d ~ 0*1", t))
      }
    }
    for (j in 1:4) for (t in 1:2) lines <- c(lines, sprintf("%s ~~ %s", ind(j, t), ind(j, t + 1)))
    paste(lines, collapse = "\n")
  }
  fits <- list()
  for (lev in c("configural", "metric", "scalar", "strict")) {
    syn <- long_syntax(lev)
    fits[[lev]] <- cfa(syn, data = long, meanstructure = TRUE)
    save(describe(fits[[lev]], syn, "sem_long.csv", list(estimator = "ML", level = lev)),
         sprintf("sem_long_%s_ml.json", lev))
  }
  steps <- list()
  for (i in 2:length(fits)) {
    lrt <- lavTestLRT(fits[[i - 1]], fits[[i]])
    steps[[names(fits)[i]]] <- list(delta_chisq = lrt[["Chisq diff"]][2],
                                    delta_df = lrt[["Df diff"]][2],
                                    delta_pvalue = lrt[["Pr(>Chisq)"]][2])
  }
  save(steps, "sem_long_lrt_ml.json")
})
