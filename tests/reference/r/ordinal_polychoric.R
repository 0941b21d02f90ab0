# Reference fixtures for ordered indicators, stage one (issue 25): thresholds, polychoric
# correlations and their asymptotic covariance (lavaan's NACOV, lavInspect(fit, "gamma")),
# listwise and pairwise, with lavaan's rules for empty cells.
#
# Writes tests/reference/data/ordinal_items.csv, ordinal_items_missing.csv, ordinal_sparse.csv and
# tests/reference/ordinal_polychoric.json.
#
# Run from the repository root:  Rscript tests/reference/r/ordinal_polychoric.R

suppressPackageStartupMessages({
  library(lavaan)
  library(jsonlite)
})

local({
  out_dir <- file.path("tests", "reference")
  data_dir <- file.path(out_dir, "data")
  dir.create(data_dir, showWarnings = FALSE, recursive = TRUE)

  # nine items on three correlated factors: four, three and two categories, thresholds skewed
  set.seed(2501)
  n <- 301
  phi <- matrix(c(1, .4, .3, .4, 1, .5, .3, .5, 1), 3)
  f <- matrix(rnorm(n * 3), n, 3) %*% chol(phi)
  lam <- c(.7, .6, .8, .5, .7, .6, .8, .6, .7)
  y <- sapply(1:9, function(j) f[, (j - 1) %/% 3 + 1] * lam[j] + rnorm(n, sd = sqrt(1 - lam[j]^2)))
  cuts <- list(c(-1, 0, 1), c(-.5, .3, 1.2), c(-1.5, -.5, .5))
  d <- as.data.frame(sapply(1:9, function(j) findInterval(y[, j], cuts[[(j - 1) %% 3 + 1]]) + 1))
  names(d) <- paste0("x", 1:9)
  d$x9[d$x9 == 4] <- 3                  # three categories
  d$x8 <- as.integer(d$x8 > 2) + 1      # two categories
  d$x7 <- d$x7 + 1                      # codes 2..5: categories are the observed levels
  write.csv(d, file.path(data_dir, "ordinal_items.csv"), row.names = FALSE)

  dm <- d
  for (j in seq_along(dm)) dm[runif(n) < 0.08, j] <- NA
  write.csv(dm, file.path(data_dir, "ordinal_items_missing.csv"), row.names = FALSE)

  # sparse tables: a 2 x 2 table with one empty cell and a 3 x 3 table with empty cells
  set.seed(2502)
  m <- 60
  z <- MASS::mvrnorm(m, c(0, 0, 0, 0), matrix(c(1, .8, .2, .2, .8, 1, .2, .2,
                                               .2, .2, 1, .85, .2, .2, .85, 1), 4))
  s <- data.frame(b1 = as.integer(z[, 1] > 1.2) + 1, b2 = as.integer(z[, 2] > 1.0) + 1,
                  c1 = findInterval(z[, 3], c(-1.2, 1.2)) + 1,
                  c2 = findInterval(z[, 4], c(-1.2, 1.2)) + 1)
  s$b2[s$b1 == 2] <- 2                  # nobody high on b1 is low on b2: one empty cell
  s$c2[s$c1 == 1 & s$c2 == 3] <- 2      # and no low-high answers in c1 x c2
  tab <- table(s$b1, s$b2)
  if (sum(tab == 0) != 1) stop("the sparse data set needs exactly one empty cell in b1 x b2")
  write.csv(s, file.path(data_dir, "ordinal_sparse.csv"), row.names = FALSE)

  stage_one <- function(data, missing) {
    fit <- lavCor(data, ordered = names(data), output = "fit", missing = missing,
                  se = "robust.sem", estimator = "WLSMV")
    ss <- lavInspect(fit, "sampstat")
    list(missing = missing, n = lavInspect(fit, "nobs"),
         threshold_names = names(ss$th), thresholds = unname(ss$th),
         names = colnames(ss$cov), cor = unname(ss$cov),
         gamma = unname(lavInspect(fit, "gamma")))
  }
  obj <- list(
    lavaan = as.character(packageVersion("lavaan")),
    items_listwise = stage_one(d, "listwise"),
    missing_listwise = stage_one(dm, "listwise"),
    missing_pairwise = stage_one(dm, "pairwise"),
    sparse = stage_one(s, "listwise")
  )
  write_json(obj, file.path(out_dir, "ordinal_polychoric.json"), digits = NA,
             auto_unbox = TRUE, pretty = TRUE)
})
