# Reference fixture for issue 14: where psych::omega warns of an ultra-Heywood case, craftwave
# warns too. Writes tests/reference/data/psy_heywood.csv (nine items, three group factors, one
# item nearly duplicating another) and tests/reference/psychometrics_heywood.json with psych's
# warnings, communalities and omega figures.
#
# Run from the repository root:  Rscript tests/reference/r/psychometrics_heywood.R

suppressPackageStartupMessages({
  library(psych)
  library(jsonlite)
})

local({
  out_dir <- file.path("tests", "reference")
  data_dir <- file.path(out_dir, "data")
  dir.create(data_dir, showWarnings = FALSE, recursive = TRUE)
  make <- function(seed) {
    set.seed(seed)
    n <- 80
    g <- rnorm(n)
    s <- matrix(rnorm(n * 3), n, 3)
    x <- sapply(1:9, function(k) 0.5 * g + 0.5 * s[, (k - 1) %/% 3 + 1] + 0.7 * rnorm(n))
    x[, 2] <- x[, 1] + 0.02 * rnorm(n)
    colnames(x) <- paste0("i", 1:9)
    as.data.frame(round(x, 4))
  }
  run <- function(d) {
    warns <- character(0)
    o <- withCallingHandlers(psych::omega(d, nfactors = 3, plot = FALSE),
                             warning = function(w) {
                               warns <<- c(warns, conditionMessage(w))
                               invokeRestart("muffleWarning")
                             })
    list(o = o, warns = warns)
  }
  for (seed in 1:200) {
    d <- make(seed)
    path <- file.path(data_dir, "psy_heywood.csv")
    write.csv(d, path, row.names = FALSE)
    d <- read.csv(path)
    r <- run(d)
    if (any(grepl("ultra-Heywood", r$warns))) break
  }
  o <- r$o
  write_json(list(seed = seed, data = "psy_heywood.csv", nfactors = 3,
                  warnings = as.list(unique(r$warns)),
                  communalities = as.list(suppressWarnings(
                    psych::fa(d, nfactors = 3, fm = "minres", rotate = "none"))$communality),
                  omega_h = o$omega_h, omega_total = o$omega.tot),
             file.path(out_dir, "psychometrics_heywood.json"), digits = NA, auto_unbox = TRUE,
             pretty = TRUE)
})
