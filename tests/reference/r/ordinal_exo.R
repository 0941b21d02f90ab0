# Reference fixtures for ordered indicators with observed exogenous covariates (issue 25):
# lavaan's WLSMV with conditional.x = TRUE (its default for categorical data), i.e. MIMIC
# models. Stage one (per item a probit regression on the covariates, residual polychoric
# correlations and their NACOV, lavaan's WLS.obs order) and fitted models: MIMIC, direct
# effects (DIF), two factors, std.lv, plain DWLS, theta, two groups, listwise and pairwise
# missing answers; the scaled difference test of the direct effect (lavTestLRT).
#
# Writes tests/reference/data/ordinal_exo.csv, ordinal_exo_missing.csv and
# tests/reference/ordinal_exo.json.
#
# Run from the repository root:  Rscript tests/reference/r/ordinal_exo.R

suppressPackageStartupMessages({
  library(lavaan)
  library(jsonlite)
})

local({
  out_dir <- file.path("tests", "reference")
  data_dir <- file.path(out_dir, "data")
  set.seed(2525)
  n <- 600
  x1 <- round(rnorm(n), 3)
  x2 <- rbinom(n, 1, 0.45)
  x3 <- round(rnorm(n, 2, 1.5), 2)
  f1 <- 0.5 * x1 - 0.4 * x2 + rnorm(n)
  f2 <- 0.4 * f1 + 0.3 * x2 + rnorm(n)
  lam <- c(.8, .7, .6, .75, .7, .65)
  eta <- cbind(f1, f1, f1, f2, f2, f2)
  ystar <- sapply(1:6, function(j) lam[j] * eta[, j] + rnorm(n, sd = 0.7))
  ystar[, 1] <- ystar[, 1] + 0.35 * x1                 # a direct effect (DIF) on y1
  cuts <- list(c(-1, 0, 1), c(-0.5, 0.6), c(-1.2, -0.2, 0.8), c(-0.8, 0.4),
               c(-1, 0.1, 1.1), c(-0.3))
  d <- as.data.frame(sapply(1:6, function(j) findInterval(ystar[, j], cuts[[j]]) + 1))
  names(d) <- paste0("y", 1:6)
  d$x1 <- x1
  d$x2 <- x2
  d$x3 <- x3
  d$grp <- rep(c("a", "b"), each = n / 2)
  write.csv(d, file.path(data_dir, "ordinal_exo.csv"), row.names = FALSE)
  dm <- d
  for (j in 1:6) dm[sample(n, 30), j] <- NA            # 5% missing per item, covariates complete
  write.csv(dm, file.path(data_dir, "ordinal_exo_missing.csv"), row.names = FALSE)

  keep <- c("npar", "chisq", "df", "pvalue", "chisq.scaled", "df.scaled", "pvalue.scaled",
            "chisq.scaling.factor", "chisq.shift.parameter", "baseline.chisq", "baseline.df",
            "baseline.chisq.scaled", "cfi", "tli", "cfi.scaled", "tli.scaled", "rmsea",
            "rmsea.ci.lower", "rmsea.ci.upper", "rmsea.scaled", "srmr", "fmin")
  items4 <- paste0("y", 1:4)
  items6 <- paste0("y", 1:6)
  run <- function(model, data, ordered, ...) {
    args <- list(...)
    if (is.null(args$estimator)) args$estimator <- "WLSMV"
    fit <- do.call("sem", c(list(model = model, data = data, ordered = ordered), args))
    pe <- parameterEstimates(fit, standardized = TRUE)
    if (is.null(pe$group)) pe$group <- 1L
    pe <- pe[pe$op != ":=", c("group", "lhs", "op", "rhs", "est", "se", "std.all", "std.nox")]
    fm <- fitMeasures(fit)
    list(model = model, ordered = ordered, nobs = sum(lavInspect(fit, "nobs")),
         conditional_x = lavInspect(fit, "options")$conditional.x,
         parameters = pe, fit = as.list(fm[intersect(keep, names(fm))]))
  }
  mimic <- "f =~ y1 + y2 + y3 + y4\nf ~ x1 + x2"
  dif <- "f =~ y1 + y2 + y3 + y4\nf ~ x1 + x2\ny1 ~ x1"
  two <- "f1 =~ y1 + y2 + y3\nf2 =~ y4 + y5 + y6\nf1 ~ x1 + x2\nf2 ~ f1 + x2 + x3"
  obj <- list(lavaan = as.character(packageVersion("lavaan")))

  # stage one alone (lavaan's WLS.obs and NACOV of the MIMIC model, and three covariates)
  fit <- lavaan::sem(mimic, d, ordered = items4, estimator = "WLSMV")
  obj$stage1 <- list(items = items4, covariates = c("x1", "x2"),
                     wls_obs = unname(lavInspect(fit, "wls.obs")),
                     nacov = unname(lavInspect(fit, "gamma")))
  fit <- lavaan::sem(two, d, ordered = items6, estimator = "WLSMV")
  obj$stage1_three <- list(items = items6, covariates = c("x1", "x2", "x3"),
                           wls_obs = unname(lavInspect(fit, "wls.obs")),
                           nacov = unname(lavInspect(fit, "gamma")))
  fit <- lavaan::sem(mimic, dm, ordered = items4, estimator = "WLSMV", missing = "pairwise")
  obj$stage1_pairwise <- list(items = items4, covariates = c("x1", "x2"),
                              wls_obs = unname(lavInspect(fit, "wls.obs")),
                              nacov = unname(lavInspect(fit, "gamma")))

  obj$mimic <- run(mimic, d, items4)
  obj$mimic_stdlv <- run(mimic, d, items4, std.lv = TRUE)
  obj$mimic_dwls <- run(mimic, d, items4, estimator = "DWLS")
  obj$dif <- run(dif, d, items4)
  obj$two_factor <- run(two, d, items6)
  obj$dif_theta <- run(dif, d, items4, parameterization = "theta")
  obj$groups <- run(mimic, d, items4, group = "grp")
  obj$groups_theta <- run(dif, d, items4, group = "grp", parameterization = "theta")
  obj$listwise <- run(mimic, dm, items4)
  obj$pairwise <- run(mimic, dm, items4, missing = "pairwise")
  # the DIF test: the MIMIC model against the one with the direct effect (lavTestLRT's
  # scaled-and-shifted difference test for WLSMV)
  lrt <- lavTestLRT(lavaan::sem(mimic, d, ordered = items4, estimator = "WLSMV"),
                    lavaan::sem(dif, d, ordered = items4, estimator = "WLSMV"))
  obj$dif_test <- list(chisq_diff = lrt[["Chisq diff"]][2], df_diff = lrt[["Df diff"]][2],
                       pvalue = lrt[["Pr(>Chisq)"]][2])
  write_json(obj, file.path(out_dir, "ordinal_exo.json"), digits = NA,
             auto_unbox = TRUE, pretty = TRUE)
})
