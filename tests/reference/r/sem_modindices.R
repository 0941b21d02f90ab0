# Reference fixtures for craftwave's modification indices and score tests
# (analysis.sem.modindices, analysis.sem.scoretest): lavaan's modindices() and lavTestScore().
#
# Reads the data sets that tests/reference/r/sem.R writes (sem_hs.csv, sem_hs_missing.csv,
# sem_poldem.csv, sem_long.csv) and writes tests/reference/sem_modindices_*.json (modindices) and
# tests/reference/sem_scoretest_*.json (lavTestScore: total, univariate, cumulative, epc). The
# constraints' plabels (.p5. == .p9.) are written out as the parameters they name (lhs op rhs
# group), so the fixtures do not depend on lavaan's row numbering.
#
# Run from the repository root:  Rscript tests/reference/r/sem_modindices.R

suppressPackageStartupMessages({
  library(lavaan)
  library(jsonlite)
})

local({
  out_dir <- file.path("tests", "reference")
  data_dir <- file.path(out_dir, "data")
  read <- function(name) read.csv(file.path(data_dir, name), stringsAsFactors = FALSE)
  save <- function(obj, name) {
    write_json(obj, file.path(out_dir, name), digits = NA, auto_unbox = TRUE, pretty = TRUE,
               na = "null")
  }

  mi_table <- function(fit) {
    mi <- modindices(fit, sort. = TRUE)
    keep <- intersect(c("lhs", "op", "rhs", "group", "mi", "epc", "sepc.lv", "sepc.all",
                        "sepc.nox"), names(mi))
    out <- as.data.frame(mi)[, keep]
    rownames(out) <- NULL
    out
  }

  save_mi <- function(fit, model, data_file, args, name) {
    save(list(model = model, data = data_file, args = args,
              lavaan_version = as.character(packageVersion("lavaan")),
              chisq = unname(fitMeasures(fit, "chisq")),
              modindices = mi_table(fit)), name)
  }

  # a plabel or label -> the parameter it names
  describe_par <- function(pt, x) {
    i <- which(pt$plabel == x)
    if (length(i) == 0L) i <- which(pt$label == x)
    i <- i[1]
    list(lhs = pt$lhs[i], op = pt$op[i], rhs = pt$rhs[i], group = pt$group[i])
  }

  score_table <- function(fit, tab) {
    pt <- parTable(fit)
    rows <- lapply(seq_len(nrow(tab)), function(k) {
      list(lhs = describe_par(pt, tab$lhs[k]), rhs = describe_par(pt, tab$rhs[k]),
           lhs_label = tab$lhs[k], rhs_label = tab$rhs[k], X2 = tab$X2[k], df = tab$df[k],
           p_value = tab$p.value[k])
    })
    rows
  }

  save_score <- function(fit, model, data_file, args, name) {
    st <- lavTestScore(fit, univariate = TRUE, cumulative = TRUE, epc = TRUE)
    epc <- as.data.frame(st$epc)
    if (!"group" %in% names(epc)) epc$group <- 1L
    epc <- epc[!is.na(epc$epc), c("lhs", "op", "rhs", "group", "est", "epc", "epv")]
    rownames(epc) <- NULL
    save(list(model = model, data = data_file, args = args,
              lavaan_version = as.character(packageVersion("lavaan")),
              total = list(X2 = st$test$X2, df = st$test$df, p_value = st$test$p.value),
              univariate = score_table(fit, st$uni),
              cumulative = score_table(fit, st$cumulative),
              epc = epc), name)
  }

  hs <- read("sem_hs.csv")
  hs_model <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"

  # ---- modification indices -----------------------------------------------------------------
  fit <- cfa(hs_model, data = hs)
  save_mi(fit, hs_model, "sem_hs.csv", list(), "sem_modindices_hs.json")

  fit <- cfa(hs_model, data = hs, std.lv = TRUE)
  save_mi(fit, hs_model, "sem_hs.csv", list(std_lv = TRUE), "sem_modindices_hs_std_lv.json")

  mimic <- paste(hs_model, "visual + textual ~ grade", "x3 ~ grade", sep = "\n")
  fit <- sem(mimic, data = hs)
  save_mi(fit, mimic, "sem_hs.csv", list(), "sem_modindices_mimic.json")

  pd <- read("sem_poldem.csv")
  pd_model <- paste(
    "ind60 =~ x1 + x2 + x3",
    "dem60 =~ y1 + a*y2 + b*y3 + c*y4",
    "dem65 =~ y5 + a*y6 + b*y7 + c*y8",
    "dem60 ~ ind60",
    "dem65 ~ ind60 + dem60",
    "y1 ~~ y5", sep = "\n")
  fit <- sem(pd_model, data = pd)
  save_mi(fit, pd_model, "sem_poldem.csv", list(), "sem_modindices_poldem.json")

  fit <- cfa(hs_model, data = hs, group = "school", group.equal = c("loadings", "intercepts"))
  save_mi(fit, hs_model, "sem_hs.csv",
          list(group = "school", group_equal = list("loadings", "intercepts")),
          "sem_modindices_mg_scalar.json")

  hsm <- read("sem_hs_missing.csv")
  fit <- cfa(hs_model, data = hsm, missing = "ml")
  save_mi(fit, hs_model, "sem_hs_missing.csv", list(missing = "fiml"),
          "sem_modindices_hs_fiml.json")

  # lavaan() mode: Hamaker's RI-CLPM (fixed loadings, fixed-zero variances become candidates)
  ri <- read("sem_riclpm.csv")
  ri_model <- paste(c(
    "RIx =~ 1*x1 + 1*x2 + 1*x3 + 1*x4", "RIy =~ 1*y1 + 1*y2 + 1*y3 + 1*y4",
    paste0("wx", 1:4, " =~ 1*x", 1:4), paste0("wy", 1:4, " =~ 1*y", 1:4),
    "wx2 + wy2 ~ wx1 + wy1", "wx3 + wy3 ~ wx2 + wy2", "wx4 + wy4 ~ wx3 + wy3",
    paste0("wx", 1:4, " ~~ wy", 1:4), paste0("wx", 1:4, " ~~ wx", 1:4),
    paste0("wy", 1:4, " ~~ wy", 1:4), "RIx ~~ RIx", "RIy ~~ RIy", "RIx ~~ RIy"),
    collapse = "\n")
  fit <- lavaan(ri_model, data = ri, meanstructure = TRUE, int.ov.free = TRUE)
  save_mi(fit, ri_model, "sem_riclpm.csv",
          list(`function` = "lavaan", meanstructure = TRUE, int_ov_free = TRUE),
          "sem_modindices_riclpm_lavaan.json")

  # growth() with a covariate of the growth factors
  growth_model <- paste("i =~ 1*x1 + 1*x2 + 1*x3 + 1*x4", "s =~ 0*x1 + 1*x2 + 2*x3 + 3*x4",
                        "i + s ~ y1", sep = "\n")
  fit <- growth(growth_model, data = ri)
  save_mi(fit, growth_model, "sem_riclpm.csv", list(`function` = "growth"),
          "sem_modindices_growth.json")

  # a CLPM whose fixed.x covariates enter only some equations
  clpm <- read("sem_clpm_cov.csv")
  clpm_model <- paste("x2 ~ x1 + y1 + age", "y2 ~ x1 + y1 + female", "x3 ~ x2 + y2",
                      "y3 ~ x2 + y2 + age", "x2 ~~ y2", "x3 ~~ y3", sep = "\n")
  fit <- sem(clpm_model, data = clpm)
  save_mi(fit, clpm_model, "sem_clpm_cov.csv", list(), "sem_modindices_clpm_cov.json")

  # per-group labels c(a, a) and c(b1, b2), a fixed intercept in group 1
  gv_model <- paste("visual =~ x1 + c(a, a)*x2 + c(b1, b2)*x3", "textual =~ x4 + x5 + x6",
                    "x1 ~ c(0, NA)*1", sep = "\n")
  fit <- cfa(gv_model, data = hs, group = "school")
  save_mi(fit, gv_model, "sem_hs.csv", list(group = "school"),
          "sem_modindices_group_vectors.json")

  # ---- score tests of equality constraints (lavTestScore) -------------------------------------
  fit <- sem(pd_model, data = pd)
  save_score(fit, pd_model, "sem_poldem.csv", list(), "sem_scoretest_poldem.json")

  con_model <- paste("visual =~ x1 + x2 + x3", "textual =~ x4 + l5*x5 + l6*x6",
                     "speed =~ x7 + x8 + x9", "l5 == l6", sep = "\n")
  fit <- cfa(con_model, data = hs)
  save_score(fit, con_model, "sem_hs.csv", list(), "sem_scoretest_constraint.json")

  fit <- cfa(hs_model, data = hs, group = "school", group.equal = c("loadings", "intercepts"))
  save_score(fit, hs_model, "sem_hs.csv",
             list(group = "school", group_equal = list("loadings", "intercepts")),
             "sem_scoretest_mg_scalar.json")

  fit <- cfa(hs_model, data = hs, group = "school", group.equal = c("loadings", "intercepts"),
             group.partial = "x3 ~ 1")
  save_score(fit, hs_model, "sem_hs.csv",
             list(group = "school", group_equal = list("loadings", "intercepts"),
                  group_partial = list("x3 ~ 1")),
             "sem_scoretest_mg_scalar_partial.json")

  # longitudinal scalar invariance: labels shared by three waves (first row == each later row)
  long <- read("sem_long.csv")
  ind <- function(j, t) sprintf("jc_%d_w%d", j, t)
  lines <- character(0)
  for (t in 1:3) {
    terms <- sapply(1:4, function(j) if (j == 1) ind(j, t) else sprintf("l%d*%s", j, ind(j, t)))
    lines <- c(lines, sprintf("F%d =~ %s", t, paste(terms, collapse = " + ")))
    for (j in 1:4) lines <- c(lines, sprintf("%s ~ i%d*1", ind(j, t), j))
    lines <- c(lines, if (t > 1) sprintf("F%d ~ NA*1", t) else "F1 ~ 0*1")
  }
  for (j in 1:4) for (t in 1:2) lines <- c(lines, sprintf("%s ~~ %s", ind(j, t), ind(j, t + 1)))
  long_model <- paste(lines, collapse = "\n")
  fit <- cfa(long_model, data = long, meanstructure = TRUE)
  save_score(fit, long_model, "sem_long.csv", list(meanstructure = TRUE),
             "sem_scoretest_long_scalar.json")

  # ---- the data-driven partial invariance search, done with lavaan -----------------------------
  # Chen (2007) and the chi-square difference test; where a level fails, the constraint of that
  # level with the largest univariate score test is freed (group.partial), and the level refitted
  search <- function(model, data, group) {
    equal <- list(metric = "loadings", scalar = c("loadings", "intercepts"),
                  strict = c("loadings", "intercepts", "residuals"))
    srmr_max <- c(metric = 0.030, scalar = 0.010, strict = 0.010)
    prev <- cfa(model, data = data, group = group)
    freed <- character(0)
    log <- list()
    for (lev in names(equal)) {
      at_level <- character(0)
      repeat {
        fit <- cfa(model, data = data, group = group, group.equal = equal[[lev]],
                   group.partial = freed)
        lrt <- lavTestLRT(prev, fit)
        f1 <- fitMeasures(fit, c("cfi", "rmsea", "srmr"))
        f0 <- fitMeasures(prev, c("cfi", "rmsea", "srmr"))
        d <- list(delta_chisq = lrt[["Chisq diff"]][2], delta_df = lrt[["Df diff"]][2],
                  delta_pvalue = lrt[["Pr(>Chisq)"]][2],
                  delta_cfi = unname(f1["cfi"] - f0["cfi"]),
                  delta_rmsea = unname(f1["rmsea"] - f0["rmsea"]),
                  delta_srmr = unname(f1["srmr"] - f0["srmr"]))
        holds <- d$delta_pvalue >= 0.05 && d$delta_cfi >= -0.010 && d$delta_rmsea <= 0.015 &&
          d$delta_srmr <= srmr_max[[lev]]
        log[[length(log) + 1]] <- c(list(action = "compare", level = lev, holds = holds), d)
        if (holds) break
        pt <- parTable(fit)
        uni <- lavTestScore(fit)$uni
        par <- sapply(uni$lhs, function(x) {
          i <- which(pt$plabel == x)
          if (pt$op[i] == "~1") paste(pt$lhs[i], "~ 1") else paste(pt$lhs[i], pt$op[i], pt$rhs[i])
        })
        ops <- sapply(uni$lhs, function(x) pt$op[pt$plabel == x])
        want <- c(metric = "=~", scalar = "~1", strict = "~~")[[lev]]
        ok <- ops == want & !(par %in% freed)
        if (!any(ok)) break
        best <- which(ok)[which.max(uni$X2[ok])]
        log[[length(log) + 1]] <- list(action = "free", level = lev, parameter = par[[best]],
                                       X2 = uni$X2[best], df = 1L)
        freed <- c(freed, par[[best]])
      }
      if (!holds) break
      prev <- fit
    }
    list(log = log, freed = as.list(freed))
  }
  res <- search(hs_model, hs, "school")
  save(c(list(model = hs_model, data = "sem_hs.csv", args = list(group = "school"),
              lavaan_version = as.character(packageVersion("lavaan"))), res),
       "sem_partial_search_mg.json")

  # ---- the same search across waves --------------------------------------------------------
  # one construct at three waves (sem_long.csv); each row carries its own label and the
  # equalities are written as '==' constraints centred on one wave, so a wave's parameter can
  # leave its equality (the score test of that constraint); the centre's own test comes from
  # the same model written with another centre (same estimates, constraints centred elsewhere)
  long_search <- function(data) {
    ind <- function(j, t) sprintf("jc_%d_w%d", j, t)
    lab <- function(kind, j, t) sprintf("%s%d_%d", kind, j, t)
    name <- function(kind, j, t) switch(kind, L = sprintf("F%d =~ %s", t, ind(j, t)),
                                        N = sprintf("%s ~ 1", ind(j, t)),
                                        T = sprintf("%s ~~ %s", ind(j, t), ind(j, t)))
    all_levels <- c("configural", "metric", "scalar", "strict")
    kinds_of <- list(metric = "L", scalar = "N", strict = "T")
    build <- function(level, freed, shift = NULL) {
      rank <- match(level, all_levels) - 1
      lines <- character(0)
      for (t in 1:3) {
        terms <- sapply(1:4, function(j) if (j == 1) paste0("1*", ind(j, t))
                        else paste0(lab("L", j, t), "*", ind(j, t)))
        lines <- c(lines, sprintf("F%d =~ %s", t, paste(terms, collapse = " + ")))
        for (j in 1:4) {
          lines <- c(lines, sprintf("%s ~ %s*1", ind(j, t), lab("N", j, t)),
                     sprintf("%s ~~ %s*%s", ind(j, t), lab("T", j, t), ind(j, t)))
        }
        lines <- c(lines, if (rank >= 2 && t > 1) sprintf("F%d ~ NA*1", t)
                   else sprintf("F%d ~ 0*1", t))
      }
      for (j in 1:4) for (t in 1:2) lines <- c(lines, sprintf("%s ~~ %s", ind(j, t), ind(j, t + 1)))
      for (kind in unlist(kinds_of[seq_len(rank)])) {
        for (j in if (kind == "L") 2:4 else 1:4) {
          members <- Filter(function(t) !(name(kind, j, t) %in% freed), 1:3)
          if (length(members) < 2) next
          centre <- members[1]
          if (!is.null(shift) && shift == paste(kind, j)) centre <- members[2]
          for (t in setdiff(members, centre)) {
            lines <- c(lines, sprintf("%s == %s", lab(kind, j, centre), lab(kind, j, t)))
          }
        }
      }
      paste(lines, collapse = "\n")
    }
    fit_level <- function(level, freed, shift = NULL) {
      cfa(build(level, freed, shift), data = data, meanstructure = TRUE)
    }
    # X2 of each row leaving its equality, at the constrained estimates of `fit`
    row_tests <- function(level, freed, fit) {
      kind <- kinds_of[[level]]
      out <- list()
      uni <- lavTestScore(fit)$uni
      for (j in if (kind == "L") 2:4 else 1:4) {
        members <- Filter(function(t) !(name(kind, j, t) %in% freed), 1:3)
        if (length(members) < 2) next
        for (t in members[-1]) {
          k <- which(uni$lhs == lab(kind, j, members[1]) & uni$rhs == lab(kind, j, t))
          out[[name(kind, j, t)]] <- uni$X2[k]
        }
        other <- lavTestScore(fit_level(level, freed, shift = paste(kind, j)))$uni
        k <- which(other$lhs == lab(kind, j, members[2]) & other$rhs == lab(kind, j, members[1]))
        out[[name(kind, j, members[1])]] <- other$X2[k]
      }
      unlist(out)
    }
    srmr_max <- c(metric = 0.030, scalar = 0.010, strict = 0.010)
    prev <- fit_level("configural", character(0))
    freed <- character(0)
    log <- list()
    for (lev in c("metric", "scalar", "strict")) {
      repeat {
        fit <- fit_level(lev, freed)
        lrt <- lavTestLRT(prev, fit)
        f1 <- fitMeasures(fit, c("cfi", "rmsea", "srmr"))
        f0 <- fitMeasures(prev, c("cfi", "rmsea", "srmr"))
        d <- list(delta_chisq = lrt[["Chisq diff"]][2], delta_df = lrt[["Df diff"]][2],
                  delta_pvalue = lrt[["Pr(>Chisq)"]][2],
                  delta_cfi = unname(f1["cfi"] - f0["cfi"]),
                  delta_rmsea = unname(f1["rmsea"] - f0["rmsea"]),
                  delta_srmr = unname(f1["srmr"] - f0["srmr"]))
        holds <- d$delta_pvalue >= 0.05 && d$delta_cfi >= -0.010 && d$delta_rmsea <= 0.015 &&
          d$delta_srmr <= srmr_max[[lev]]
        log[[length(log) + 1]] <- c(list(action = "compare", level = lev, holds = holds), d)
        if (holds) break
        tests <- row_tests(lev, freed, fit)
        if (length(tests) == 0L) break
        best <- names(tests)[which.max(tests)]
        log[[length(log) + 1]] <- list(action = "free", level = lev, parameter = best,
                                       X2 = unname(tests[best]), df = 1L)
        freed <- c(freed, best)
      }
      if (!holds) break
      prev <- fit
    }
    list(log = log, freed = as.list(freed))
  }
  long_data <- read("sem_long.csv")
  long_conf <- paste(sapply(1:3, function(t) sprintf("F%d =~ %s", t, paste(
    sprintf("jc_%d_w%d", 1:4, t), collapse = " + "))), collapse = "\n")
  res <- long_search(long_data)
  save(c(list(model = long_conf, data = "sem_long.csv",
              args = list(long = list("F1", "F2", "F3")),
              lavaan_version = as.character(packageVersion("lavaan"))), res),
       "sem_partial_search_long.json")
})
