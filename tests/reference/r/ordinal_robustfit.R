# Reference fixtures for issue 25, robust fit and the ordinal invariance extensions:
#
# 1. lavaan 0.6-14's robust fit indices for ordered indicators (cfi.robust, tli.robust,
#    nnfi.robust, rni.robust, rmsea.robust with its 90% interval and close/not-close p-values;
#    Savalei's 2021 "catML" approach of lav_fit_catml_dwls) for ~20 models: CFAs, a path model,
#    pairwise and listwise missing data, ULSMV, theta, two groups, group.equal, semTools'
#    measEq.syntax levels across groups and waves. lavaan gives NA for some of them (equality
#    constraints on thresholds or intercepts); those NAs are kept (null in JSON).
# 2. Ordinal invariance with binary items (two categories), identified as semTools' measEq.syntax
#    with ID.fac = "std.lv", ID.cat = "Wu.Estabrook.2016", across groups (delta and theta) and
#    waves.
# 3. Partial threshold invariance (group.partial / long.partial "y2|t1").
# 4. lavaan's group.equal / group.partial shortcuts with ordered indicators.
#
# Writes tests/reference/data/ordinal_binary_groups.csv, ordinal_binary_long.csv and
# tests/reference/ordinal_robustfit.json. Run from the repository root:
#   Rscript tests/reference/r/ordinal_robustfit.R

suppressPackageStartupMessages({
  library(lavaan)
  library(semTools)
  library(jsonlite)
})

local({
  out_dir <- file.path("tests", "reference")
  data_dir <- file.path(out_dir, "data")
  read <- function(name) read.csv(file.path(data_dir, name))
  data <- list(
    "ordinal_items.csv" = read("ordinal_items.csv"),
    "ordinal_items_missing.csv" = read("ordinal_items_missing.csv"),
    "ordinal_groups.csv" = read("ordinal_groups.csv"),
    "ordinal_long.csv" = read("ordinal_long.csv"))
  # binary items: two of the group data's items and the first indicator at every wave
  bg <- data[["ordinal_groups.csv"]]
  bg$y1 <- as.integer(bg$y1 >= 3)
  bg$y5 <- as.integer(bg$y5 >= 2)
  bl <- data[["ordinal_long.csv"]]
  for (w in 1:3) bl[[paste0("c1_w", w)]] <- as.integer(bl[[paste0("c1_w", w)]] >= 3)
  write.csv(bg, file.path(data_dir, "ordinal_binary_groups.csv"), row.names = FALSE)
  write.csv(bl, file.path(data_dir, "ordinal_binary_long.csv"), row.names = FALSE)
  data[["ordinal_binary_groups.csv"]] <- bg
  data[["ordinal_binary_long.csv"]] <- bl

  robust_keys <- c("npar", "chisq", "df", "chisq.scaled", "baseline.chisq", "baseline.df",
                   "cfi.scaled", "rmsea.scaled", "srmr",
                   "cfi.robust", "tli.robust", "nnfi.robust", "rni.robust", "rmsea.robust",
                   "rmsea.ci.lower.robust", "rmsea.ci.upper.robust", "rmsea.pvalue.robust",
                   "rmsea.notclose.pvalue.robust")
  na_null <- function(x) lapply(as.list(x), function(v) if (is.na(v)) NULL else unname(v))
  fit_case <- function(model, file, options = list(), params = FALSE) {
    d <- data[[file]]
    items <- setdiff(names(d), "grp")
    args <- c(list(model = model, data = d, ordered = items), options)
    if (is.null(args$estimator)) args$estimator <- "WLSMV"
    fit <- do.call("cfa", args)
    fm <- fitMeasures(fit)
    out <- list(model = model, data = file, options = options,
                fit = na_null(fm[intersect(robust_keys, names(fm))]))
    if (params) {
      pe <- parameterEstimates(fit, standardized = TRUE)
      if (is.null(pe$group)) pe$group <- 1L
      out$parameters <- pe[pe$op != ":=", c("group", "lhs", "op", "rhs", "est", "se",
                                             "std.all")]
    }
    attr(out, "fitted") <- fit
    out
  }
  three <- "f1 =~ x1 + x2 + x3\nf2 =~ x4 + x5 + x6\nf3 =~ x7 + x8 + x9"
  one9 <- "g =~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9"
  one6 <- "g =~ x1 + x2 + x3 + x4 + x5 + x6"
  two <- "f1 =~ y1 + y2 + y3\nf2 =~ y4 + y5 + y6"
  onegrp <- "f =~ y1 + y2 + y3 + y4 + y5 + y6"
  long <- paste("C1 =~ c1_w1 + c2_w1 + c3_w1", "C2 =~ c1_w2 + c2_w2 + c3_w2",
                "C3 =~ c1_w3 + c2_w3 + c3_w3", sep = "\n")
  grp <- list(group = "grp")
  measeq_group <- function(file, equal, parameterization = "delta", partial = "") {
    d <- data[[file]]
    as.character(measEq.syntax(two, d, ordered = setdiff(names(d), "grp"), group = "grp",
                               ID.fac = "std.lv", ID.cat = "Wu.Estabrook.2016",
                               parameterization = parameterization, group.equal = equal,
                               group.partial = partial))
  }
  measeq_long <- function(file, equal, partial = "") {
    d <- data[[file]]
    as.character(measEq.syntax(long, d, ordered = names(d), ID.fac = "std.lv",
                               ID.cat = "Wu.Estabrook.2016", parameterization = "delta",
                               longFacNames = list(C = c("C1", "C2", "C3")),
                               long.equal = equal, long.partial = partial, auto = 1L))
  }
  levels <- list(configural = character(0), thresholds = "thresholds",
                 metric = c("thresholds", "loadings"),
                 scalar = c("thresholds", "loadings", "intercepts"),
                 strict = c("thresholds", "loadings", "intercepts", "residuals"))

  # ---- 1. robust fit indices ----------------------------------------------------------------
  robust <- list(
    cfa3 = fit_case(three, "ordinal_items.csv"),
    cfa3_std_lv = fit_case(three, "ordinal_items.csv", list(std.lv = TRUE)),
    cfa3_theta = fit_case(three, "ordinal_items.csv", list(parameterization = "theta")),
    cfa3_ulsmv = fit_case(three, "ordinal_items.csv", list(estimator = "ULSMV")),
    one_factor9 = fit_case(one9, "ordinal_items.csv"),
    one_factor9_theta = fit_case(one9, "ordinal_items.csv", list(parameterization = "theta")),
    saturated = fit_case("g =~ x1 + x2 + x3", "ordinal_items.csv"),
    sem_paths = fit_case(paste0(three, "\nf3 ~ f1 + f2\nx2 ~~ x5"), "ordinal_items.csv"),
    threshold_fixed = fit_case(paste0(one6, "\nx2 | 0.3*t2"), "ordinal_items.csv"),
    thresholds_equal = fit_case(paste0(one6, "\nx1 | a*t1\nx4 | a*t1"), "ordinal_items.csv"),
    one_factor_pairwise = fit_case(one6, "ordinal_items_missing.csv",
                                   list(missing = "pairwise")),
    one_factor_listwise = fit_case(one6, "ordinal_items_missing.csv"),
    groups_default = fit_case(two, "ordinal_groups.csv", grp),
    groups_one_factor = fit_case(onegrp, "ordinal_groups.csv", grp),
    groups_theta = fit_case(onegrp, "ordinal_groups.csv", c(grp, parameterization = "theta")),
    groups_equal_loadings = fit_case(onegrp, "ordinal_groups.csv",
                                     c(grp, list(group.equal = "loadings"))),
    groups_equal_thresholds = fit_case(onegrp, "ordinal_groups.csv",
                                       c(grp, list(group.equal = "thresholds"))),
    measeq_configural = fit_case(measeq_group("ordinal_groups.csv", character(0)),
                                 "ordinal_groups.csv", grp),
    measeq_configural_theta = fit_case(
      measeq_group("ordinal_groups.csv", character(0), "theta"), "ordinal_groups.csv",
      c(grp, parameterization = "theta")),
    measeq_metric = fit_case(measeq_group("ordinal_groups.csv", levels$metric),
                             "ordinal_groups.csv", grp),
    long_configural = fit_case(measeq_long("ordinal_long.csv", character(0)),
                               "ordinal_long.csv"),
    long_thresholds = fit_case(measeq_long("ordinal_long.csv", "thresholds"),
                               "ordinal_long.csv"),
    binary_configural = fit_case(measeq_group("ordinal_binary_groups.csv", character(0)),
                                 "ordinal_binary_groups.csv", grp)
  )

  # ---- 2. and 3. invariance levels: binary items, partial thresholds ------------------------
  lrt <- function(a, b) {
    t <- lavTestLRT(attr(a, "fitted"), attr(b, "fitted"))
    list(chisq_diff = t[["Chisq diff"]][2], df_diff = t[["Df diff"]][2],
         pvalue = t[["Pr(>Chisq)"]][2])
  }
  sequence <- function(kind, file, names, parameterization = "delta", partial = "",
                       craftwave_partial = character(0)) {
    out <- list()
    prev <- NULL
    for (level in names) {
      syn <- if (kind == "group") measeq_group(file, levels[[level]], parameterization, partial)
             else measeq_long(file, levels[[level]], partial)
      opts <- if (kind == "group") grp else list()
      if (parameterization == "theta") opts$parameterization <- "theta"
      res <- fit_case(syn, file, opts, params = TRUE)
      res$invariance <- list(kind = kind, level = level, parameterization = parameterization,
                             partial = craftwave_partial)
      if (!is.null(prev)) res$lrt <- lrt(res, prev)
      prev <- res
      out[[level]] <- res
    }
    out
  }
  four <- c("configural", "thresholds", "metric", "scalar")
  invariance <- list(
    binary_groups = sequence("group", "ordinal_binary_groups.csv", four),
    binary_groups_theta = sequence("group", "ordinal_binary_groups.csv", c(four, "strict"),
                                   "theta"),
    binary_long = sequence("long", "ordinal_binary_long.csv", four),
    partial_groups = sequence("group", "ordinal_groups.csv", four[-1], partial = "y2|t1",
                              craftwave_partial = "y2 | t1"),
    partial_binary_groups = sequence("group", "ordinal_binary_groups.csv", four[-1],
                                     partial = c("y1|t1", "y3|t2"),
                                     craftwave_partial = c("y1 | t1", "y3 | t2")),
    partial_groups_theta = sequence("group", "ordinal_groups.csv", c(four[-1], "strict"),
                                    "theta", partial = "y2|t1",
                                    craftwave_partial = "y2 | t1"),
    # semTools' long.partial frees the threshold at every wave (named by the first wave's item)
    partial_long = sequence("long", "ordinal_long.csv", four[-1], partial = "._C_.ind.2|t1",
                            craftwave_partial = "c2_w1 | t1")
  )

  # ---- 4. group.equal / group.partial ----------------------------------------------------------
  ge <- function(equal, partial = "", parameterization = "delta", model = two, std.lv = FALSE) {
    opts <- c(grp, list(group.equal = equal))
    if (any(nchar(partial))) opts$group.partial <- partial
    if (parameterization == "theta") opts$parameterization <- "theta"
    if (std.lv) opts$std.lv <- TRUE
    fit_case(model, "ordinal_groups.csv", opts, params = TRUE)
  }
  group_equal <- list(
    thresholds = ge("thresholds"),
    thresholds_loadings = ge(c("thresholds", "loadings")),
    loadings_std_lv = ge("loadings", std.lv = TRUE),
    intercepts = ge("intercepts"),
    thresholds_partial = ge(c("thresholds", "loadings"), partial = c("y2|t1", "y3|t3")),
    loadings_partial = ge(c("loadings", "thresholds"), partial = "f1=~y2"),
    theta_thresholds = ge(c("thresholds", "loadings"), parameterization = "theta"),
    theta_residuals = ge(c("thresholds", "loadings", "residuals"), parameterization = "theta"),
    theta_residuals_partial = ge(c("thresholds", "loadings", "residuals"),
                                 partial = "y4~~y4", parameterization = "theta"),
    lv_covariances = ge(c("loadings", "lv.variances", "lv.covariances"), std.lv = TRUE),
    means = ge(c("thresholds", "loadings", "means"))
  )
  strip <- function(lst) lapply(lst, function(x) { attr(x, "fitted") <- NULL; x })
  obj <- list(lavaan = as.character(packageVersion("lavaan")),
              semtools = as.character(packageVersion("semTools")),
              robust = strip(robust),
              invariance = lapply(invariance, strip),
              group_equal = strip(group_equal))
  write_json(obj, file.path(out_dir, "ordinal_robustfit.json"), digits = NA,
             auto_unbox = TRUE, pretty = TRUE, null = "null", na = "null")
})
