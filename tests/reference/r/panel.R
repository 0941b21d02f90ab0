# Reference fixtures for craftwave's panel models (analysis.panel, analysis.growth).
#
# Simulates (seeded) a 4-wave, 2-construct panel with stable between-person differences and
# within-person cross-lagged effects, writes it to tests/reference/data/panel_*.csv (complete,
# and with monotone attrition that depends on wave-1 scores), reads it back, and fits with
# lavaan the CLPM and RI-CLPM (free and stationary lagged effects) that craftwave's builders
# produce, with ML (complete data) and FIML (missing data, fixed.x = FALSE), and a bivariate
# latent change score model on data simulated from one. The model syntax
# below is written out by hand, independently of the Python builders, so the Python tests check
# the builders and the engine at once. The lme4 growth model (REML) is fitted on a long data set.
#
# Run from the repository root:  Rscript tests/reference/r/panel.R

suppressPackageStartupMessages({
  library(lavaan)
  library(lme4)
  library(jsonlite)
})

local({
  out_dir <- file.path("tests", "reference")
  data_dir <- file.path(out_dir, "data")
  dir.create(data_dir, showWarnings = FALSE, recursive = TRUE)
  fm_names <- c("npar", "chisq", "df", "pvalue", "cfi", "tli", "rmsea", "srmr", "logl",
                "unrestricted.logl", "aic", "bic", "ntotal")

  write_csv <- function(df, name) {
    path <- file.path(data_dir, name)
    write.csv(df, path, row.names = FALSE, na = "")
    read.csv(path, stringsAsFactors = FALSE)
  }
  save <- function(obj, name) {
    write_json(obj, file.path(out_dir, name), digits = NA, auto_unbox = TRUE, pretty = TRUE,
               na = "null")
  }
  describe <- function(fit, model, data_file, args) {
    pe <- parameterEstimates(fit, standardized = TRUE, remove.eq = FALSE,
                             remove.ineq = FALSE, remove.def = FALSE)
    pe$group <- 1L
    if (!"label" %in% names(pe)) pe$label <- ""
    pe <- pe[, c("lhs", "op", "rhs", "group", "label", "est", "se", "z", "pvalue",
                 "ci.lower", "ci.upper", "std.all")]
    list(model = model, data = data_file, args = args,
         lavaan_version = as.character(packageVersion("lavaan")),
         converged = lavInspect(fit, "converged"),
         nobs = as.list(lavInspect(fit, "nobs")),
         group_labels = list(),
         parameters = pe, fit = as.list(fitMeasures(fit, fm_names)))
  }

  # ---- simulated RI-CLPM population (2 constructs x 4 waves, N = 500) ----------------------
  set.seed(20261123)
  n <- 500; waves <- 4
  mvn <- function(n, sigma) matrix(rnorm(n * nrow(sigma)), n) %*% chol(sigma)
  ri <- mvn(n, matrix(c(0.50, 0.20, 0.20, 0.40), 2))
  w <- array(0, c(n, 2, waves))
  w[, , 1] <- mvn(n, matrix(c(0.60, 0.18, 0.18, 0.50), 2))
  B <- matrix(c(0.45, 0.20, 0.10, 0.35), 2)      # rows: outcome (icraft, resil); cols: predictor
  for (t in 2:waves) {
    w[, , t] <- w[, , t - 1] %*% t(B) + mvn(n, matrix(c(0.45, 0.10, 0.10, 0.38), 2))
  }
  mu <- rbind(c(3.0, 3.1, 3.15, 3.2), c(3.5, 3.45, 3.5, 3.55))
  panel <- data.frame(id = seq_len(n))
  for (k in 1:2) {
    stem <- c("icraft", "resil")[k]
    for (t in 1:waves) {
      panel[[sprintf("%s_w%d", stem, t)]] <- round(mu[k, t] + ri[, k] + w[, k, t], 4)
    }
  }
  panel <- write_csv(panel, "panel_riclpm.csv")

  # monotone attrition: dropping out after wave t is likelier for low wave-1 resilience (MAR)
  miss <- panel
  last <- rep(waves, n)
  z <- as.numeric(scale(panel$resil_w1))
  for (t in 2:waves) {
    p <- plogis(-2.0 - 0.6 * z)
    drop <- last == waves & runif(n) < p
    last[drop] <- t - 1
  }
  for (t in 2:waves) {
    for (stem in c("icraft", "resil")) miss[last < t, sprintf("%s_w%d", stem, t)] <- NA
  }
  # and a few single missing answers (intermittent)
  for (col in c("icraft_w1", "resil_w2", "icraft_w3")) miss[sample(n, 12), col] <- NA
  miss <- write_csv(miss, "panel_riclpm_missing.csv")

  # ---- model syntax (hand-written, lavaan style) -----------------------------------------
  stems <- c("icraft", "resil")
  v <- function(s, t) sprintf("%s_w%d", s, t)
  clpm <- function(stationary) {
    lines <- character()
    for (t in 2:waves) for (s in stems) {
      rhs <- sapply(stems, function(o) {
        lab <- if (!stationary) "" else if (o == s) sprintf("ar_%s*", s) else sprintf("cl_%s_%s*", o, s)
        paste0(lab, v(o, t - 1))
      })
      lines <- c(lines, sprintf("%s ~ %s", v(s, t), paste(rhs, collapse = " + ")))
    }
    lines <- c(lines, sprintf("%s ~~ %s", v(stems, 1), v(stems, 1)),
               sprintf("%s ~~ %s", v("icraft", 1), v("resil", 1)))
    for (t in 2:waves) lines <- c(lines, sprintf("%s ~~ %s", v("icraft", t), v("resil", t)),
                                  sprintf("%s ~~ %s", v(stems, t), v(stems, t)))
    paste(lines, collapse = "\n")
  }
  riclpm <- function(stationary) {
    W <- function(s, t) sprintf("W_%s_w%d", s, t)
    lines <- character()
    for (s in stems) {
      lines <- c(lines, sprintf("RI_%s =~ %s", s, paste0("1*", v(s, 1:waves), collapse = " + ")))
      lines <- c(lines, sprintf("%s =~ 1*%s", W(s, 1:waves), v(s, 1:waves)),
                 sprintf("%s ~~ 0*%s", v(s, 1:waves), v(s, 1:waves)))
    }
    for (t in 2:waves) for (s in stems) {
      rhs <- sapply(stems, function(o) {
        lab <- if (!stationary) "" else if (o == s) sprintf("ar_%s*", s) else sprintf("cl_%s_%s*", o, s)
        paste0(lab, W(o, t - 1))
      })
      lines <- c(lines, sprintf("%s ~ %s", W(s, t), paste(rhs, collapse = " + ")))
    }
    lines <- c(lines, sprintf("%s ~~ %s", W(stems, 1), W(stems, 1)),
               sprintf("%s ~~ %s", W("icraft", 1), W("resil", 1)))
    for (t in 2:waves) lines <- c(lines, sprintf("%s ~~ %s", W("icraft", t), W("resil", t)),
                                  sprintf("%s ~~ %s", W(stems, t), W(stems, t)))
    lines <- c(lines, "RI_icraft ~~ RI_icraft", "RI_resil ~~ RI_resil", "RI_icraft ~~ RI_resil",
               "RI_icraft ~~ 0*W_icraft_w1", "RI_icraft ~~ 0*W_resil_w1",
               "RI_resil ~~ 0*W_icraft_w1", "RI_resil ~~ 0*W_resil_w1")
    paste(lines, collapse = "\n")
  }

  fits <- list(
    list("panel_clpm_ml.json", clpm(FALSE), panel, "panel_riclpm.csv", "listwise"),
    list("panel_clpm_fiml.json", clpm(FALSE), miss, "panel_riclpm_missing.csv", "fiml"),
    list("panel_riclpm_ml.json", riclpm(FALSE), panel, "panel_riclpm.csv", "listwise"),
    list("panel_riclpm_fiml.json", riclpm(FALSE), miss, "panel_riclpm_missing.csv", "fiml"),
    list("panel_riclpm_stationary_fiml.json", riclpm(TRUE), miss, "panel_riclpm_missing.csv", "fiml")
  )
  for (f in fits) {
    missing_arg <- if (f[[5]] == "fiml") "ml" else "listwise"
    fit <- sem(f[[2]], data = f[[3]], estimator = "ML", missing = missing_arg,
               meanstructure = TRUE, fixed.x = FALSE)
    save(describe(fit, f[[2]], f[[4]], list(estimator = "ML", missing = f[[5]],
                                            meanstructure = TRUE, fixed.x = FALSE)), f[[1]])
  }

  # ---- bivariate latent change score model with coupling (4 waves, N = 500) -----------------
  set.seed(31)
  L <- array(0, c(n, 2, waves))
  L[, , 1] <- mvn(n, matrix(c(1.0, 0.3, 0.3, 0.8), 2)) + matrix(c(3, 2.5), n, 2, byrow = TRUE)
  for (t in 2:waves) {
    prev <- L[, , t - 1]
    dx <- 0.5 - 0.3 * prev[, 1] + 0.1 * prev[, 2] + rnorm(n, sd = 0.3)
    dy <- 0.3 - 0.2 * prev[, 2] + 0.25 * prev[, 1] + rnorm(n, sd = 0.3)
    L[, , t] <- prev + cbind(dx, dy)
  }
  lcs_data <- data.frame(id = seq_len(n))
  for (k in 1:2) for (t in 1:waves) {
    lcs_data[[sprintf("%s_w%d", c("x", "y")[k], t)]] <- round(L[, k, t] + rnorm(n, sd = 0.4), 4)
  }
  lcs_data <- write_csv(lcs_data, "panel_lcs.csv")
  lcs_lines <- character()
  for (s in c("x", "y")) {
    o <- setdiff(c("x", "y"), s)
    for (t in 1:waves) {
      lcs_lines <- c(lcs_lines, sprintf("L_%s_w%d =~ 1*%s_w%d", s, t, s, t),
                     sprintf("%s_w%d ~~ err_%s*%s_w%d", s, t, s, s, t), sprintf("%s_w%d ~ 0*1", s, t))
    }
    for (t in 2:waves) {
      lcs_lines <- c(lcs_lines,
        sprintf("L_%s_w%d ~ 1*L_%s_w%d", s, t, s, t - 1), sprintf("L_%s_w%d ~~ 0*L_%s_w%d", s, t, s, t),
        sprintf("L_%s_w%d ~ 0*1", s, t), sprintf("D_%s_w%d =~ 1*L_%s_w%d", s, t, s, t),
        sprintf("D_%s_w%d ~ beta_%s*L_%s_w%d + gamma_%s_%s*L_%s_w%d", s, t, s, s, t - 1, o, s, o, t - 1),
        sprintf("D_%s_w%d ~ mu_d_%s*1", s, t, s), sprintf("D_%s_w%d ~~ var_d_%s*D_%s_w%d", s, t, s, s, t))
    }
    lcs_lines <- c(lcs_lines, sprintf("L_%s_w1 ~ 1", s), sprintf("L_%s_w1 ~~ L_%s_w1", s, s))
  }
  lcs_lines <- c(lcs_lines, "L_x_w1 ~~ L_y_w1",
                 sprintf("D_x_w%d ~~ cov_d_x_y*D_y_w%d", 2:waves, 2:waves))
  lcs_model <- paste(lcs_lines, collapse = "\n")
  fit <- sem(lcs_model, data = lcs_data, estimator = "ML", meanstructure = TRUE, fixed.x = FALSE)
  save(describe(fit, lcs_model, "panel_lcs.csv", list(estimator = "ML", missing = "listwise",
                                                      meanstructure = TRUE, fixed.x = FALSE)),
       "panel_lcs_ml.json")

  # ---- lme4 growth model (REML) -------------------------------------------------------------
  set.seed(7)
  ng <- 200
  u <- mvn(ng, matrix(c(0.50, 0.05, 0.05, 0.04), 2))
  long <- expand.grid(time = 0:3, id = seq_len(ng))[, c("id", "time")]
  long$y <- round(3 + u[long$id, 1] + (0.15 + u[long$id, 2]) * long$time +
                  rnorm(nrow(long), sd = 0.45), 4)
  long <- long[!(long$time >= 2 & long$id %% 7 == 0) & !(long$time == 3 & long$id %% 5 == 0), ]
  long <- write_csv(long, "panel_growth.csv")
  gfit <- function(formula) {
    m <- lmer(formula, data = long, REML = TRUE)
    fe <- summary(m)$coefficients
    vc <- as.data.frame(VarCorr(m))
    list(formula = deparse(formula), data = "panel_growth.csv", reml = TRUE,
         lme4_version = as.character(packageVersion("lme4")),
         fixed = data.frame(term = rownames(fe), est = fe[, 1], se = fe[, 2], row.names = NULL),
         varcomp = data.frame(grp = vc$grp, var1 = ifelse(is.na(vc$var1), "", vc$var1),
                              var2 = ifelse(is.na(vc$var2), "", vc$var2), vcov = vc$vcov),
         loglik = as.numeric(logLik(m)), nobs = nobs(m))
  }
  save(list(random_slope = gfit(y ~ time + (time | id)),
            random_intercept = gfit(y ~ time + (1 | id))), "panel_growth.json")

  # ---- lme4 growth model on a boundary: no slope variance in the population -----------------
  # Everyone changes at the same rate (slope variance 0), three waves, some attrition: lme4's
  # REML estimate of the slope variance lies on the boundary and isSingular() is TRUE.
  set.seed(23)
  ns <- 150
  sing <- expand.grid(time = 0:2, id = seq_len(ns))[, c("id", "time")]
  sing$y <- round(3 + rnorm(ns, sd = 0.6)[sing$id] + 0.10 * sing$time +
                  rnorm(nrow(sing), sd = 0.5), 4)
  sing <- sing[!(sing$time == 2 & sing$id %% 6 == 0), ]
  sing <- write_csv(sing, "panel_growth_singular.csv")
  m <- lmer(y ~ time + (time | id), data = sing, REML = TRUE,
            control = lmerControl(check.conv.singular = "ignore"))
  fe <- summary(m)$coefficients
  vc <- as.data.frame(VarCorr(m))
  save(list(formula = "y ~ time + (time | id)", data = "panel_growth_singular.csv", reml = TRUE,
            lme4_version = as.character(packageVersion("lme4")), singular = isSingular(m),
            theta = unname(getME(m, "theta")),
            fixed = data.frame(term = rownames(fe), est = fe[, 1], se = fe[, 2], row.names = NULL),
            varcomp = data.frame(grp = vc$grp, var1 = ifelse(is.na(vc$var1), "", vc$var1),
                                 var2 = ifelse(is.na(vc$var2), "", vc$var2), vcov = vc$vcov,
                                 sdcor = vc$sdcor),
            loglik = as.numeric(logLik(m)), nobs = nobs(m)), "panel_growth_singular.json")
})
