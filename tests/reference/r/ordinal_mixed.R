# Reference fixtures for continuous and ordered indicators in one model (issue 25): lavaan's
# first stage for mixed data (thresholds, means, variances, polychoric and polyserial
# correlations, and their NACOV, lavInspect(fit, "gamma")) and WLSMV fits with some indicators
# ordered and the others continuous: a one-factor and a three-factor CFA, a structural model
# with a residual covariance, two groups, the theta parameterisation, DWLS and ULSMV; with 8%
# missing per variable, listwise and pairwise.
#
# Writes tests/reference/data/ordinal_mixed.csv, ordinal_mixed_missing.csv and
# tests/reference/ordinal_mixed.json.
#
# Run from the repository root:  Rscript tests/reference/r/ordinal_mixed.R

suppressPackageStartupMessages({
  library(lavaan)
  library(jsonlite)
})

local({
  out_dir <- file.path("tests", "reference")
  data_dir <- file.path(out_dir, "data")
  set.seed(2507)
  n <- 500
  phi <- matrix(c(1, .4, .3, .4, 1, .5, .3, .5, 1), 3)
  f <- matrix(rnorm(n * 3), n, 3) %*% chol(phi)
  f[, 3] <- f[, 3] + 0.3 * f[, 1]                 # some structure for the path model
  lam <- c(.7, .6, .8, .5, .7, .6, .8, .6, .7)
  y <- sapply(1:9, function(j) f[, (j - 1) %/% 3 + 1] * lam[j] +
                rnorm(n, sd = sqrt(1 - lam[j]^2)))
  d <- data.frame(
    o1 = findInterval(y[, 1], c(-1, 0, 1)) + 1,           # four categories
    o2 = findInterval(y[, 2], c(-.5, .3, 1.2)) + 1,
    c1 = round(y[, 3] * 2 + 10, 2),                       # continuous, its own scale
    o3 = findInterval(y[, 4], c(-.8, .6)) + 1,            # three categories
    c2 = round(y[, 5], 3),
    c3 = round(y[, 6] * 15 + 50),                         # a 0-100-like score
    o4 = as.integer(y[, 7] > 0.2) + 1,                    # two categories
    o5 = findInterval(y[, 8], c(-1.5, -.5, .5, 1.5)) + 1, # five categories
    c4 = round(y[, 9] * 0.5, 3))
  d$grp <- rep(c("a", "b"), c(240, 260))
  write.csv(d, file.path(data_dir, "ordinal_mixed.csv"), row.names = FALSE)
  set.seed(2508)
  dm <- d[, 1:9]
  for (j in seq_along(dm)) dm[runif(n) < 0.08, j] <- NA
  write.csv(dm, file.path(data_dir, "ordinal_mixed_missing.csv"), row.names = FALSE)

  ordered <- c("o1", "o2", "o3", "o4", "o5")
  keep <- c("npar", "chisq", "df", "pvalue", "chisq.scaled", "df.scaled", "pvalue.scaled",
            "chisq.scaling.factor", "chisq.shift.parameter", "baseline.chisq", "baseline.df",
            "baseline.chisq.scaled", "cfi", "tli", "cfi.scaled", "tli.scaled", "rmsea",
            "rmsea.ci.lower", "rmsea.ci.upper", "rmsea.scaled", "rmsea.ci.lower.scaled",
            "rmsea.ci.upper.scaled", "srmr", "fmin")
  run <- function(model, fun = lavaan::cfa, data = d, ...) {
    vars <- lavNames(lavaanify(model, ngroups = 2L), "ov")
    fit <- fun(model, data, ordered = intersect(ordered, vars), ...)
    pe <- parameterEstimates(fit, standardized = TRUE)
    if (is.null(pe$group)) pe$group <- 1L
    pe <- pe[pe$op != ":=", c("group", "lhs", "op", "rhs", "est", "se", "std.all")]
    fm <- fitMeasures(fit)
    list(model = model, ordered = intersect(ordered, vars), options = list(...),
         nobs = lavInspect(fit, "nobs"), parameters = pe,
         fit = as.list(fm[intersect(keep, names(fm))]))
  }
  stage_one <- function(vars, data = d, missing = "listwise") {
    fit <- lavCor(data[, vars], ordered = intersect(ordered, vars), output = "fit",
                  se = "robust.sem", estimator = "WLSMV", missing = missing)
    wls <- lavInspect(fit, "wls.obs")
    list(names = vars, ordered = intersect(ordered, vars), n = lavInspect(fit, "nobs"),
         missing = missing,
         wls_names = names(wls), wls_obs = unname(wls),
         cor = unname(cov2cor(lavInspect(fit, "sampstat")$cov)),
         gamma = unname(lavInspect(fit, "gamma")))
  }
  one <- "g =~ o1 + o2 + c1 + o3 + c2 + c3"
  three <- "f1 =~ o1 + o2 + c1\nf2 =~ o3 + c2 + c3\nf3 =~ o4 + o5 + c4"
  obj <- list(
    lavaan = as.character(packageVersion("lavaan")),
    stage_one = stage_one(names(d)[1:9]),
    stage_one_pairwise = stage_one(names(d)[1:9], dm, "pairwise"),
    one_factor = run(one, estimator = "WLSMV"),
    cfa3 = run(three, estimator = "WLSMV"),
    cfa3_std_lv = run(three, estimator = "WLSMV", std.lv = TRUE),
    cfa3_theta = run(three, estimator = "WLSMV", parameterization = "theta"),
    cfa3_dwls = run(three, estimator = "DWLS"),
    cfa3_ulsmv = run(three, estimator = "ULSMV"),
    sem_paths = run(paste0(three, "\nf3 ~ f1 + f2\no2 ~~ c2"), fun = lavaan::sem,
                    estimator = "WLSMV"),
    two_groups = run(one, group = "grp", estimator = "WLSMV"),
    one_factor_listwise = run(one, data = dm, estimator = "WLSMV"),
    one_factor_pairwise = run(one, data = dm, estimator = "WLSMV", missing = "pairwise"),
    cfa3_pairwise = run(three, data = dm, estimator = "WLSMV", missing = "pairwise"),
    two_groups_equal = run(paste0("g =~ c(1, 1)*o1 + c(a, a)*o2 + c(b, b)*c1 + o3 + ",
                                  "c(d, d)*c2 + c3"), group = "grp", estimator = "WLSMV")
  )
  write_json(obj, file.path(out_dir, "ordinal_mixed.json"), digits = NA,
             auto_unbox = TRUE, pretty = TRUE)
})
