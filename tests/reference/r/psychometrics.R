# Reference fixtures for craftwave's reliability (analysis.reliability).
#
# Writes two data sets under tests/reference/data/ and reads them back, so R and Python use the
# very same numbers:
#   psy_hs.csv   lavaan's HolzingerSwineford1939, x1-x9 (N = 301; visual, textual, speed)
#   psy_bfi.csv  psych's bfi, the 25 personality items, first 500 complete cases (raw answers
#                1-6; A1, C4, C5, E1, E2, O2, O5 are reverse keyed and reversed here as 7 - x
#                before any reliability, as craftwave reverses through the instrument)
# and saves
#   psychometrics_reliability.json  per scale: psych::alpha (raw and standardised alpha, ase,
#                                   Feldt 95% CI from psych::alpha.ci), semTools::compRelSEM of a
#                                   one-factor ML CFA with obs.var = TRUE (omega total) and FALSE
#                                   (composite reliability), semTools::AVE, the loadings, and
#                                   Fornell-Larcker CR and AVE from the standardised loadings
#   psychometrics_htmt.json         semTools::htmt for the multi-factor models (htmt2 TRUE and
#                                   FALSE)
#   psychometrics_omega.json        psych::omega (Schmid-Leiman, minres, oblimin) omega_h,
#                                   omega total, alpha, general and group loadings, with two,
#                                   three and five group factors
#
# Run from the repository root:  Rscript tests/reference/r/psychometrics.R
# (tests/reference/make_reference.R sources it with the other scripts.)

suppressPackageStartupMessages({
  library(lavaan)
  library(semTools)
  library(psych)
  library(jsonlite)
})

local({
  out_dir <- file.path("tests", "reference")
  data_dir <- file.path(out_dir, "data")
  dir.create(data_dir, showWarnings = FALSE, recursive = TRUE)

  # ---- data -------------------------------------------------------------------------------
  hs <- lavaan::HolzingerSwineford1939[, paste0("x", 1:9)]
  write.csv(hs, file.path(data_dir, "psy_hs.csv"), row.names = FALSE)
  bfi_items <- psych::bfi[, 1:25]
  bfi_items <- bfi_items[complete.cases(bfi_items), ][1:500, ]
  write.csv(bfi_items, file.path(data_dir, "psy_bfi.csv"), row.names = FALSE)

  hs <- read.csv(file.path(data_dir, "psy_hs.csv"))
  bfi_raw <- read.csv(file.path(data_dir, "psy_bfi.csv"))
  reversed <- c("A1", "C4", "C5", "E1", "E2", "O2", "O5")
  bfi <- bfi_raw
  for (v in reversed) bfi[[v]] <- 7 - bfi[[v]]

  scales <- list(
    list(data = "hs", name = "visual", items = paste0("x", 1:3)),
    list(data = "hs", name = "textual", items = paste0("x", 4:6)),
    list(data = "hs", name = "speed", items = paste0("x", 7:9)),
    list(data = "hs", name = "all9", items = paste0("x", 1:9))
  )
  for (f in c("A", "C", "E", "N", "O")) {
    scales[[length(scales) + 1]] <- list(data = "bfi", name = f, items = paste0(f, 1:5))
  }
  frames <- list(hs = hs, bfi = bfi)

  # ---- alpha, omega total, composite reliability, AVE per scale --------------------------
  rel <- lapply(scales, function(s) {
    d <- frames[[s$data]][, s$items]
    a <- psych::alpha(d, warnings = FALSE, check.keys = FALSE)
    n <- nrow(d)
    ci <- psych::alpha.ci(a$total$raw_alpha, n.obs = n, n.var = length(s$items))
    model <- paste("f =~", paste(s$items, collapse = " + "))
    fit <- lavaan::cfa(model, data = d)
    lam <- lavaan::inspect(fit, "est")$lambda[, 1]
    std <- lavaan::inspect(fit, "std")$lambda[, 1]
    list(
      data = s$data, name = s$name, items = s$items,
      reverse = I(if (s$data == "bfi") intersect(reversed, s$items) else character(0)),
      n = n,
      alpha = a$total$raw_alpha,
      std_alpha = a$total$std.alpha,
      alpha_ase = a$total$ase,
      alpha_ci_feldt = c(ci$lower.ci, ci$upper.ci),
      omega_total = unname(semTools::compRelSEM(fit, obs.var = TRUE)[["f"]]),
      composite_reliability = unname(semTools::compRelSEM(fit, obs.var = FALSE)[["f"]]),
      ave = unname(semTools::AVE(fit)[["f"]]),
      loadings = unname(lam),
      std_loadings = unname(std),
      # Fornell and Larcker (1981) from the standardised loadings
      fl_composite_reliability = sum(std)^2 / (sum(std)^2 + sum(1 - std^2)),
      fl_ave = mean(std^2),
      factor_variance = unname(lavaan::inspect(fit, "est")$psi[1, 1])
    )
  })
  writeLines(toJSON(list(
    source = paste("psych", packageVersion("psych"), "semTools", packageVersion("semTools"),
                   "lavaan", packageVersion("lavaan")),
    scales = rel
  ), auto_unbox = TRUE, digits = NA, pretty = TRUE),
  file.path(out_dir, "psychometrics_reliability.json"))

  # ---- HTMT -------------------------------------------------------------------------------
  hs_model <- "visual =~ x1 + x2 + x3\n textual =~ x4 + x5 + x6\n speed =~ x7 + x8 + x9"
  bfi_model <- paste(sapply(c("A", "C", "E", "N", "O"), function(f)
    paste0(f, " =~ ", paste0(f, 1:5, collapse = " + "))), collapse = "\n")
  one_htmt <- function(model, d, htmt2) {
    m <- unclass(semTools::htmt(model, data = d, htmt2 = htmt2))
    list(factors = rownames(m), matrix = unname(m))
  }
  htmt_out <- list(
    hs = list(
      groups = list(visual = paste0("x", 1:3), textual = paste0("x", 4:6), speed = paste0("x", 7:9)),
      htmt2 = one_htmt(hs_model, hs, TRUE), htmt = one_htmt(hs_model, hs, FALSE)),
    bfi = list(
      groups = sapply(c("A", "C", "E", "N", "O"), function(f) paste0(f, 1:5), simplify = FALSE),
      reverse = reversed,
      htmt2 = one_htmt(bfi_model, bfi, TRUE), htmt = one_htmt(bfi_model, bfi, FALSE))
  )
  writeLines(toJSON(htmt_out, auto_unbox = TRUE, digits = NA, pretty = TRUE),
             file.path(out_dir, "psychometrics_htmt.json"))

  # ---- hierarchical omega (Schmid-Leiman) -------------------------------------------------
  one_omega <- function(d, nf) {
    o <- psych::omega(d, nfactors = nf, plot = FALSE)
    list(nfactors = nf, items = colnames(d), omega_h = o$omega_h, omega_total = o$omega.tot,
         alpha = o$alpha, g_loadings = unname(o$schmid$sl[, "g"]),
         group_loadings = unname(o$schmid$sl[, 1 + seq_len(nf)]))
  }
  writeLines(toJSON(list(
    hs = one_omega(hs, 3),
    hs_two = suppressMessages(one_omega(hs, 2)),
    bfi_ce = one_omega(bfi[, c(paste0("C", 1:5), paste0("E", 1:5), paste0("A", 1:5))], 3),
    bfi_all = one_omega(bfi, 5)
  ), auto_unbox = TRUE, digits = NA, pretty = TRUE),
  file.path(out_dir, "psychometrics_omega.json"))
})
