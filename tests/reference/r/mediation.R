# Reference fixtures for craftwave's moderated mediation (analysis.moderated_mediation).
#
# Simulates a focal-like panel extract (N = 334) with a fixed seed, writes it to
# tests/reference/data/mediation.csv, reads it back (so R and Python fit the very same numbers),
# and fits PROCESS-style models 7, 8 and 14 as lavaan sem() path models with fixed.x = TRUE and
# product terms computed here after mean-centering their components. Saves, per model,
# tests/reference/mediation_model{7,8,14}.json with ML estimates and delta-method SEs of every
# parameter (defined conditional indirect effects at mean -1 SD, mean, mean +1 SD of the moderator
# and the index of moderated mediation included), and lavaan's percentile bootstrap CIs from
# se = "bootstrap", bootstrap = 5000, with the seconds the bootstrap took.
#
# Run from the repository root:  Rscript tests/reference/r/mediation.R
# (tests/reference/make_reference.R sources it with the other scripts.)
# Set CRAFTWAVE_MEDIATION_BOOT=0 to skip the (slow, ~100 s per model) bootstraps while editing.

suppressPackageStartupMessages({
  library(lavaan)
  library(jsonlite)
})

local({
  out_dir <- file.path("tests", "reference")
  data_dir <- file.path(out_dir, "data")
  dir.create(data_dir, showWarnings = FALSE, recursive = TRUE)

  n_boot <- as.integer(Sys.getenv("CRAFTWAVE_MEDIATION_BOOT", "5000"))
  n_cpus <- 2L

  # ---- simulate -------------------------------------------------------------------------
  set.seed(20261123)
  n <- 334
  tenure <- round(pmax(0.1, rgamma(n, shape = 2, scale = 1.5)), 1)   # years of gig work
  z1 <- rnorm(n)
  z2 <- 0.35 * z1 + sqrt(1 - 0.35^2) * rnorm(n)
  icraft_w1 <- 3.4 + 0.65 * z1                                       # individual crafting
  ccraft_w1 <- 3.0 + 0.80 * z2                                       # collaborative crafting
  ccraft_w2 <- 0.6 * ccraft_w1 + 1.2 + 0.6 * rnorm(n)                # collaborative crafting, w2
  xc <- icraft_w1 - mean(icraft_w1)
  wc <- ccraft_w1 - mean(ccraft_w1)
  resil_w2 <- 3.5 + 0.30 * xc + 0.12 * wc + 0.22 * xc * wc + 0.04 * tenure + rnorm(n, sd = 0.55)
  vc <- ccraft_w2 - mean(ccraft_w2)
  mc <- resil_w2 - mean(resil_w2)
  ccommit_w3 <- 3.1 + 0.10 * xc + 0.45 * mc + 0.08 * vc + 0.15 * mc * vc +
    0.03 * tenure + rnorm(n, sd = 0.65)
  dat <- data.frame(
    id = sprintf("p%03d", seq_len(n)),
    icraft_w1 = round(icraft_w1, 3), ccraft_w1 = round(ccraft_w1, 3),
    ccraft_w2 = round(ccraft_w2, 3), resil_w2 = round(resil_w2, 3),
    ccommit_w3 = round(ccommit_w3, 3), tenure = tenure
  )
  csv <- file.path(data_dir, "mediation.csv")
  write.csv(dat, csv, row.names = FALSE)
  dat <- read.csv(csv)

  # ---- helpers --------------------------------------------------------------------------
  centred <- function(v) v - mean(v)

  table_of <- function(pe) {
    keep <- c("lhs", "op", "rhs", "label", "est", "se")
    pe <- pe[, intersect(c(keep, "ci.lower", "ci.upper"), names(pe))]
    lapply(seq_len(nrow(pe)), function(i) as.list(pe[i, ]))
  }

  fit_one <- function(name, syntax, d, moderator, probe_sd, product) {
    fit <- sem(syntax, data = d, fixed.x = TRUE, meanstructure = TRUE)
    ml <- parameterEstimates(fit, ci = FALSE)
    out <- list(
      model = name, n = nrow(d), syntax = syntax, moderator = moderator,
      moderator_mean = mean(dat[[moderator]]), moderator_sd = probe_sd,
      product = product, lavaan_version = as.character(packageVersion("lavaan")),
      ml = table_of(ml), fixed_x = TRUE, information = lavInspect(fit, "options")$information[1]
    )
    if (n_boot > 0) {
      set.seed(20261124)
      secs <- system.time(
        bfit <- sem(syntax, data = d, fixed.x = TRUE, meanstructure = TRUE,
                    se = "bootstrap", bootstrap = n_boot,
                    parallel = "multicore", ncpus = n_cpus, iseed = 20261124)
      )[["elapsed"]]
      bpe <- parameterEstimates(bfit, boot.ci.type = "perc", level = 0.95)
      out$bootstrap <- list(
        R = n_boot, seconds = secs, ncpus = n_cpus, ci_type = "perc", level = 0.95,
        n_failed = n_boot - nrow(lavInspect(bfit, "boot")),
        table = table_of(bpe)
      )
    }
    path <- file.path(out_dir, sprintf("mediation_%s.json", name))
    writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), path)
    message("wrote ", path)
  }

  x <- "icraft_w1"; w <- "ccraft_w1"; m <- "resil_w2"; y <- "ccommit_w3"; v <- "ccraft_w2"

  # ---- models 7 and 8: first-stage moderation by W (X and W centred) ---------------------
  d78 <- dat
  d78[[x]] <- centred(dat[[x]])
  d78[[w]] <- centred(dat[[w]])
  xw <- paste0(x, "_x_", w)
  d78[[xw]] <- d78[[x]] * d78[[w]]
  sw <- sd(dat[[w]])
  probes <- sprintf(
    "ind_lo := (a1 + a3*(%.17g))*b\nind_mid := (a1 + a3*0)*b\nind_hi := (a1 + a3*(%.17g))*b\nindex := a3*b",
    -sw, sw)
  syn7 <- paste0(
    m, " ~ a1*", x, " + a2*", w, " + a3*", xw, " + tenure\n",
    y, " ~ cp*", x, " + b*", m, " + tenure\n", probes)
  fit_one("model7", syn7, d78, w, sw, xw)

  syn8 <- paste0(
    m, " ~ a1*", x, " + a2*", w, " + a3*", xw, " + tenure\n",
    y, " ~ c1*", x, " + c2*", w, " + c3*", xw, " + b*", m, " + tenure\n", probes,
    sprintf("\ndir_lo := c1 + c3*(%.17g)\ndir_mid := c1\ndir_hi := c1 + c3*(%.17g)", -sw, sw))
  fit_one("model8", syn8, d78, w, sw, xw)

  # ---- model 14: second-stage moderation by V (M and V centred) -------------------------
  d14 <- dat
  d14[[m]] <- centred(dat[[m]])
  d14[[v]] <- centred(dat[[v]])
  mv <- paste0(m, "_x_", v)
  d14[[mv]] <- d14[[m]] * d14[[v]]
  sv <- sd(dat[[v]])
  syn14 <- paste0(
    m, " ~ a*", x, " + tenure\n",
    y, " ~ cp*", x, " + b1*", m, " + b2*", v, " + b3*", mv, " + tenure\n",
    sprintf("ind_lo := a*(b1 + b3*(%.17g))\nind_mid := a*(b1 + b3*0)\nind_hi := a*(b1 + b3*(%.17g))\nindex := a*b3",
            -sv, sv))
  fit_one("model14", syn14, d14, v, sv, mv)

  # ---- model 7 with missing values, FIML (no bootstrap) ---------------------------------
  # Missing at random in M and Y (more often for low X); X, W and the covariate complete, so
  # fixed.x keeps every row. Centering uses the complete columns' means, as in the listwise case.
  set.seed(20261125)
  dm <- dat
  p_m <- plogis(-2.2 - 0.8 * (dat[[x]] - mean(dat[[x]])))
  dm[[m]][runif(n) < p_m] <- NA
  dm[[y]][runif(n) < 0.12] <- NA
  csv_m <- file.path(data_dir, "mediation_missing.csv")
  write.csv(dm, csv_m, row.names = FALSE, na = "")
  dm <- read.csv(csv_m)
  dmc <- dm
  dmc[[x]] <- dm[[x]] - mean(dm[[x]])
  dmc[[w]] <- dm[[w]] - mean(dm[[w]])
  dmc[[xw]] <- dmc[[x]] * dmc[[w]]
  swm <- sd(dm[[w]])
  probes_m <- sprintf(
    "ind_lo := (a1 + a3*(%.17g))*b\nind_mid := (a1 + a3*0)*b\nind_hi := (a1 + a3*(%.17g))*b\nindex := a3*b",
    -swm, swm)
  syn7m <- paste0(
    m, " ~ a1*", x, " + a2*", w, " + a3*", xw, " + tenure\n",
    y, " ~ cp*", x, " + b*", m, " + tenure\n", probes_m)
  fit <- sem(syn7m, data = dmc, fixed.x = TRUE, missing = "ml")
  out <- list(
    model = "model7_fiml", n = nrow(dmc), n_missing_m = sum(is.na(dm[[m]])),
    n_missing_y = sum(is.na(dm[[y]])), syntax = syn7m, moderator = w,
    moderator_mean = mean(dm[[w]]), moderator_sd = swm, missing = "ml",
    information = lavInspect(fit, "options")$information[1],
    lavaan_version = as.character(packageVersion("lavaan")),
    ml = table_of(parameterEstimates(fit, ci = FALSE))
  )
  path <- file.path(out_dir, "mediation_model7_fiml.json")
  writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), path)
  message("wrote ", path)
})
