# Reference fixtures for issue 14: lavaan's fixed.x rules, its baseline model with exogenous
# covariates, N as lavaan counts it, and lavaan's function modes and options (lavaan(), sem(),
# cfa(), growth(); meanstructure, int.ov.free, int.lv.free, std.lv, orthogonal, fixed.x).
#
# Every fixture holds the lavaan call's arguments in `args`, written with craftwave's Python
# keyword names (lavaan's names with '.' as '_'), so the test calls craftwave.analysis.fit with
# exactly those. Run from the repository root:  Rscript tests/reference/r/sem_fixedx_modes.R

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
                "baseline.chisq", "baseline.df", "baseline.pvalue", "ntotal")
  robust_names <- c("chisq.scaled", "df.scaled", "pvalue.scaled", "chisq.scaling.factor",
                    "baseline.chisq.scaled", "baseline.df.scaled", "baseline.pvalue.scaled",
                    "baseline.chisq.scaling.factor", "cfi.scaled", "tli.scaled",
                    "cfi.robust", "tli.robust", "rmsea.scaled", "rmsea.ci.lower.scaled",
                    "rmsea.ci.upper.scaled", "rmsea.robust",
                    "rmsea.ci.lower.robust", "rmsea.ci.upper.robust")

  write_csv <- function(df, name) {
    path <- file.path(data_dir, name)
    write.csv(df, path, row.names = FALSE, na = "")
    read.csv(path, stringsAsFactors = FALSE)
  }

  # fit with lavaan's function `fun`, record lavaan's warnings and describe the result
  run <- function(fun, model, data, data_file, args, lavaan_args, name) {
    warns <- character(0)
    fit <- withCallingHandlers(
      do.call(fun, c(list(model = model, data = data), lavaan_args)),
      warning = function(w) {
        warns <<- c(warns, conditionMessage(w))
        invokeRestart("muffleWarning")
      })
    pe <- parameterEstimates(fit, standardized = TRUE, remove.eq = FALSE,
                             remove.ineq = FALSE, remove.def = FALSE)
    if (!"group" %in% names(pe)) pe$group <- 1L
    if (!"label" %in% names(pe)) pe$label <- ""
    keep <- intersect(c("lhs", "op", "rhs", "group", "label", "est", "se", "z", "pvalue",
                        "ci.lower", "ci.upper", "std.all"), names(pe))
    pe <- pe[, keep]
    pt <- parTable(fit)
    names_fm <- fm_names
    if (lavInspect(fit, "options")$estimator == "MLR") names_fm <- c(names_fm, robust_names)
    obj <- list(model = model, data = data_file, args = c(list(`function` = fun), args),
                lavaan_version = as.character(packageVersion("lavaan")),
                converged = lavInspect(fit, "converged"),
                nobs = as.list(lavInspect(fit, "nobs")),
                norig = as.list(lavInspect(fit, "norig")),
                group_labels = as.list(lavInspect(fit, "group.label")),
                warnings = as.list(unique(warns)),
                free = data.frame(lhs = pt$lhs, op = pt$op, rhs = pt$rhs, group = pt$group,
                                  free = as.integer(pt$free > 0), exo = pt$exo),
                parameters = pe, fit = as.list(fitMeasures(fit, names_fm)))
    write_json(obj, file.path(out_dir, paste0(name, ".json")), digits = NA, auto_unbox = TRUE,
               pretty = TRUE, na = "null")
  }

  # ---- a three-wave CLPM with covariates; missing values (also on covariates) ------------
  set.seed(1414)
  n <- 420
  age <- round(rnorm(n, 40, 10), 0)
  female <- rbinom(n, 1, 0.55)
  tenure <- round(pmax(0, 0.3 * (age - 20) + rnorm(n, 0, 3)), 1)
  x1 <- 0.02 * (age - 40) + rnorm(n)
  y1 <- 0.3 * x1 + 0.2 * female + rnorm(n)
  x2 <- 0.5 * x1 + 0.15 * y1 + 0.01 * (age - 40) + rnorm(n, 0, 0.8)
  y2 <- 0.1 * x1 + 0.45 * y1 + 0.25 * female + rnorm(n, 0, 0.8)
  x3 <- 0.5 * x2 + 0.15 * y2 + rnorm(n, 0, 0.8)
  y3 <- 0.1 * x2 + 0.45 * y2 + 0.02 * (age - 40) + rnorm(n, 0, 0.8)
  clpm <- data.frame(id = seq_len(n), age = age, female = female, tenure = tenure,
                     x1 = round(3 + x1, 3), y1 = round(2.5 + y1, 3),
                     x2 = round(3 + x2, 3), y2 = round(2.5 + y2, 3),
                     x3 = round(3 + x3, 3), y3 = round(2.5 + y3, 3))
  clpm_c <- write_csv(clpm, "sem_clpm_cov.csv")
  miss <- clpm
  drop2 <- runif(n) < 0.12
  drop3 <- drop2 | runif(n) < 0.12
  miss[drop2, c("x2", "y2")] <- NA
  miss[drop3, c("x3", "y3")] <- NA
  miss$y1[runif(n) < 0.05] <- NA
  miss$age[runif(n) < 0.04] <- NA          # missing covariates: lavaan drops these cases
  miss$female[runif(n) < 0.03] <- NA
  miss[sample(n, 6), c("x1", "y1", "x2", "y2", "x3", "y3")] <- NA  # covariates only
  clpm_m <- write_csv(miss, "sem_clpm_cov_missing.csv")

  cl <- "x2 ~ x1 + y1\ny2 ~ x1 + y1\nx3 ~ x2 + y2\ny3 ~ x2 + y2"
  cl_cov <- paste("x2 ~ x1 + y1 + age", "y2 ~ x1 + y1 + female", "x3 ~ x2 + y2",
                  "y3 ~ x2 + y2 + age", sep = "\n")
  named <- "x1 ~~ y1\nx1 ~~ x1\ny1 ~~ y1\nx2 ~~ y2\nx3 ~~ y3"
  models <- list(
    # wave 1 exogenous, the syntax names their variances and covariance (lavaan: random)
    clpm_named = paste(cl, named, sep = "\n"),
    # only the covariance named
    clpm_named_cov = paste(cl, "x1 ~~ y1\nx2 ~~ y2\nx3 ~~ y3", sep = "\n"),
    # covariates in only some equations, wave 1 exogenous and fixed.x
    clpm_cov_some = paste(cl_cov, "x2 ~~ y2\nx3 ~~ y3", sep = "\n"),
    # covariates in only some equations and the wave-1 covariance named
    clpm_cov_some_named = paste(cl_cov, "x1 ~~ y1\nx2 ~~ y2\nx3 ~~ y3", sep = "\n"),
    # a covariate's own variance named: that covariate alone becomes random
    clpm_cov_var_named = paste(cl_cov, "age ~~ age\nx2 ~~ y2\nx3 ~~ y3", sep = "\n"),
    # a covariate in one equation only, three covariates
    clpm_cov_three = paste(cl_cov, "y3 ~ tenure\nx2 ~~ y2\nx3 ~~ y3", sep = "\n")
  )
  for (nm in names(models)) {
    run("sem", models[[nm]], clpm_c, "sem_clpm_cov.csv", list(), list(),
        paste0("sem_fixedx_", nm))
  }
  run("sem", models$clpm_cov_some, clpm_c, "sem_clpm_cov.csv", list(fixed_x = FALSE),
      list(fixed.x = FALSE), "sem_fixedx_clpm_cov_some_nofixedx")
  run("sem", models$clpm_cov_some_named, clpm_c, "sem_clpm_cov.csv", list(fixed_x = FALSE),
      list(fixed.x = FALSE), "sem_fixedx_clpm_cov_some_named_nofixedx")
  run("sem", models$clpm_cov_some, clpm_c, "sem_clpm_cov.csv", list(meanstructure = TRUE),
      list(meanstructure = TRUE), "sem_fixedx_clpm_cov_some_means")
  # N as lavaan counts it: listwise rows, FIML rows (cases missing a covariate deleted)
  run("sem", models$clpm_cov_some, clpm_m, "sem_clpm_cov_missing.csv", list(),
      list(), "sem_fixedx_clpm_cov_some_listwise")
  run("sem", models$clpm_cov_some, clpm_m, "sem_clpm_cov_missing.csv",
      list(missing = "fiml"), list(missing = "ml"), "sem_fixedx_clpm_cov_some_fiml")
  run("sem", models$clpm_cov_some_named, clpm_m, "sem_clpm_cov_missing.csv",
      list(missing = "fiml"), list(missing = "ml"), "sem_fixedx_clpm_cov_some_named_fiml")
  run("sem", models$clpm_cov_some, clpm_m, "sem_clpm_cov_missing.csv",
      list(missing = "fiml", estimator = "MLR"), list(missing = "ml", estimator = "MLR"),
      "sem_fixedx_clpm_cov_some_fiml_mlr")
  # the panel builders' default: FIML with fixed.x = FALSE (cases missing a covariate kept;
  # the baseline model keeps the covariates' covariances free)
  run("sem", models$clpm_cov_some, clpm_m, "sem_clpm_cov_missing.csv",
      list(missing = "fiml", fixed_x = FALSE, meanstructure = TRUE),
      list(missing = "ml", fixed.x = FALSE, meanstructure = TRUE),
      "sem_fixedx_clpm_cov_some_fiml_nofixedx")

  # multi-group: covariates' moments fixed per group
  mg <- paste(cl, "x2 ~ age\ny3 ~ tenure\nx2 ~~ y2\nx3 ~~ y3", sep = "\n")
  run("sem", mg, clpm_c, "sem_clpm_cov.csv", list(group = "female"), list(group = "female"),
      "sem_fixedx_clpm_cov_groups")
  run("sem", mg, clpm_c, "sem_clpm_cov.csv",
      list(group = "female", group_equal = list("regressions")),
      list(group = "female", group.equal = "regressions"),
      "sem_fixedx_clpm_cov_groups_equal")

  # ---- Hamaker's RI-CLPM, written for lavaan() ---------------------------------------------
  pan <- read.csv(file.path(data_dir, "sem_riclpm.csv"), stringsAsFactors = FALSE)
  ham <- paste(
    "RIx =~ 1*x1 + 1*x2 + 1*x3 + 1*x4",
    "RIy =~ 1*y1 + 1*y2 + 1*y3 + 1*y4",
    paste0("wx", 1:4, " =~ 1*x", 1:4, collapse = "\n"),
    paste0("wy", 1:4, " =~ 1*y", 1:4, collapse = "\n"),
    "wx2 + wy2 ~ wx1 + wy1",
    "wx3 + wy3 ~ wx2 + wy2",
    "wx4 + wy4 ~ wx3 + wy3",
    "wx1 ~~ wy1\nwx2 ~~ wy2\nwx3 ~~ wy3\nwx4 ~~ wy4",
    "wx1 ~~ wx1\nwy1 ~~ wy1",
    "wx2 ~~ wx2\nwy2 ~~ wy2\nwx3 ~~ wx3\nwy3 ~~ wy3\nwx4 ~~ wx4\nwy4 ~~ wy4",
    "RIx ~~ RIx\nRIy ~~ RIy\nRIx ~~ RIy", sep = "\n")
  run("lavaan", ham, pan, "sem_riclpm.csv",
      list(meanstructure = TRUE, int_ov_free = TRUE),
      list(meanstructure = TRUE, int.ov.free = TRUE), "sem_mode_riclpm_lavaan_listwise")
  run("lavaan", ham, pan, "sem_riclpm.csv",
      list(missing = "fiml", meanstructure = TRUE, int_ov_free = TRUE),
      list(missing = "ml", meanstructure = TRUE, int.ov.free = TRUE),
      "sem_mode_riclpm_lavaan_fiml")

  # ---- std.lv, orthogonal, cfa(), growth() --------------------------------------------------
  hs <- read.csv(file.path(data_dir, "sem_hs.csv"), stringsAsFactors = FALSE)
  hs_model <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
  run("cfa", hs_model, hs, "sem_hs.csv", list(std_lv = TRUE), list(std.lv = TRUE),
      "sem_mode_cfa_std_lv")
  run("cfa", hs_model, hs, "sem_hs.csv", list(orthogonal = TRUE), list(orthogonal = TRUE),
      "sem_mode_cfa_orthogonal")
  run("cfa", hs_model, hs, "sem_hs.csv", list(std_lv = TRUE, orthogonal = TRUE),
      list(std.lv = TRUE, orthogonal = TRUE), "sem_mode_cfa_std_lv_orthogonal")
  run("cfa", hs_model, hs, "sem_hs.csv",
      list(std_lv = TRUE, group = "school", group_equal = list("loadings")),
      list(std.lv = TRUE, group = "school", group.equal = "loadings"),
      "sem_mode_cfa_std_lv_groups")
  sem_model <- paste(hs_model, "speed ~ visual + textual", "x1 ~ grade", sep = "\n")
  run("sem", sem_model, hs, "sem_hs.csv", list(orthogonal = TRUE, std_lv = TRUE),
      list(orthogonal = TRUE, std.lv = TRUE), "sem_mode_sem_orthogonal_std_lv")
  growth_model <- "i =~ 1*x1 + 1*x2 + 1*x3 + 1*x4\ns =~ 0*x1 + 1*x2 + 2*x3 + 3*x4"
  run("growth", growth_model, pan, "sem_riclpm.csv", list(missing = "fiml"),
      list(missing = "ml"), "sem_mode_growth_fiml")
  run("growth", paste(growth_model, "i + s ~ y1", sep = "\n"), pan, "sem_riclpm.csv",
      list(), list(), "sem_mode_growth_covariate")
  # auto.fix.single: a single-indicator factor's indicator has no residual variance
  run("sem", "visual =~ x1 + x2 + x3\nspeed =~ x7\nspeed ~ visual", hs, "sem_hs.csv",
      list(), list(), "sem_mode_sem_single_indicator")
  # lavaan() with the automatic settings switched back on one by one
  run("lavaan", paste(hs_model, "visual ~~ visual\ntextual ~~ textual\nspeed ~~ speed",
                      sep = "\n"),
      hs, "sem_hs.csv", list(auto_var = TRUE, auto_fix_first = TRUE, auto_cov_lv_x = TRUE),
      list(auto.var = TRUE, auto.fix.first = TRUE, auto.cov.lv.x = TRUE),
      "sem_mode_lavaan_auto")
})
