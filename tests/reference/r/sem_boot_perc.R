# Reference fixture for the percentile interval of craftwave's continuous SEM bootstrap
# (analysis.bootstrap, `craftwave fit --bootstrap`): lavaan 0.6-14's se = "bootstrap" for an ML
# mediation model with a latent mediator and `:=` effects, 100 ordinary resamples, and
# parameterEstimates(boot.ci.type = "perc") (boot's norm.inter interpolation of order statistics
# on the normal scale, not R's type-7 quantile()). Each resample's rows are stored (keep.idx =
# TRUE of bootstrapLavaan after the same set.seed as the se = "bootstrap" fit, checked to give the
# same draws), so craftwave refits exactly lavaan's resamples and its intervals must agree.
# The data are simulated here (seeded) and stored in the JSON.
#
# Writes tests/reference/sem_boot_perc.json. Run from the repository root:
#   Rscript tests/reference/r/sem_boot_perc.R

suppressPackageStartupMessages({
  library(lavaan)
  library(jsonlite)
})

local({
  out_dir <- file.path("tests", "reference")
  set.seed(20261205)
  n <- 120
  x <- rnorm(n)
  m <- 0.5 * x + rnorm(n, sd = 0.8)
  y <- 0.4 * m + 0.15 * x + rnorm(n, sd = 0.9)
  d <- data.frame(
    x = round(x, 4),
    m1 = round(m + rnorm(n, sd = 0.5), 4),
    m2 = round(0.8 * m + rnorm(n, sd = 0.5), 4),
    m3 = round(0.7 * m + rnorm(n, sd = 0.6), 4),
    y = round(y, 4)
  )
  model <- paste(
    "M =~ m1 + m2 + m3",
    "M ~ a*x",
    "y ~ b*M + cp*x",
    "ind := a*b",
    "total := cp + a*b",
    sep = "\n")
  R <- 100L
  seed <- 2605L
  set.seed(seed)
  fit <- sem(model, d, se = "bootstrap", bootstrap = R)
  plain <- sem(model, d)
  set.seed(seed)
  boot <- bootstrapLavaan(plain, R = R, type = "ordinary", FUN = "coef", keep.idx = TRUE)
  draws <- fit@boot$coef
  stopifnot(isTRUE(all.equal(unname(draws), unname(boot[, , drop = FALSE]),
                             check.attributes = FALSE)))
  idx <- attr(boot, "boot.idx")
  pe <- parameterEstimates(fit, boot.ci.type = "perc", level = 0.95)
  pe90 <- parameterEstimates(fit, boot.ci.type = "perc", level = 0.90)
  pe <- pe[, c("lhs", "op", "rhs", "label", "est", "se", "ci.lower", "ci.upper")]
  # R's type-7 quantiles of the same draws (what craftwave computed before): they must differ
  def <- t(apply(draws, 1, plain@Model@def.function))
  q7 <- apply(def, 2, quantile, probs = c(0.025, 0.975), type = 7)
  obj <- list(
    lavaan = as.character(packageVersion("lavaan")),
    model = model, R = R, seed = seed, nobs = lavInspect(fit, "nobs"),
    failed = length(attr(draws, "error.idx")),
    data = d,
    # per resample, per group: the rows drawn (1-based)
    indices = idx,
    draws = unname(draws),
    parameters = pe,
    ci90 = pe90[, c("lhs", "op", "rhs", "ci.lower", "ci.upper")],
    defined_type7 = list(names = colnames(def), lower = unname(q7[1, ]),
                         upper = unname(q7[2, ]))
  )
  write_json(obj, file.path(out_dir, "sem_boot_perc.json"), digits = NA, auto_unbox = TRUE,
             na = "null")
  message("wrote ", file.path(out_dir, "sem_boot_perc.json"))
})
