# Reference fixtures for craftwave's MLM, MLMV, ULS and GLS estimators and for nested model
# comparisons (lavTestLRT): tests/reference/sem_estimators_*.json.
#
# Reads the data sets that tests/reference/r/sem.R writes (sem_hs.csv, sem_poldem.csv,
# sem_mediation.csv), so both sides fit the same numbers.
#
# Run from the repository root:  Rscript tests/reference/r/sem_estimators.R

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

  describe <- function(fit, model, data_file, args) {
    pe <- parameterEstimates(fit, standardized = TRUE, remove.eq = FALSE,
                             remove.ineq = FALSE, remove.def = FALSE)
    if (!"group" %in% names(pe)) pe$group <- 1L
    if (!"label" %in% names(pe)) pe$label <- ""
    keep <- intersect(c("lhs", "op", "rhs", "group", "label", "est", "se", "z", "pvalue",
                        "ci.lower", "ci.upper", "std.all"), names(pe))
    fm <- fitMeasures(fit)
    # every fit measure lavaan gives, except the few craftwave leaves out (see the test)
    list(model = model, data = data_file, args = args,
         lavaan_version = as.character(packageVersion("lavaan")),
         converged = lavInspect(fit, "converged"),
         nobs = as.list(lavInspect(fit, "nobs")),
         group_labels = as.list(lavInspect(fit, "group.label")),
         parameters = pe[, keep], fit = as.list(fm))
  }

  hs <- read("sem_hs.csv")
  pd <- read("sem_poldem.csv")
  med <- read("sem_mediation.csv")
  hs_missing <- read("sem_hs_missing.csv")

  hs_model <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
  pd_model <- paste(
    "ind60 =~ x1 + x2 + x3",
    "dem60 =~ y1 + y2 + y3 + y4",
    "dem65 =~ y5 + y6 + y7 + y8",
    "dem60 ~ ind60",
    "dem65 ~ ind60 + dem60",
    "y1 ~~ y5", "y2 ~~ y4 + y6", "y3 ~~ y7", "y4 ~~ y8", "y6 ~~ y8", sep = "\n")
  med_model <- paste("M ~ a*X + W", "Y ~ b*M + c*X", "ab := a*b", "total := c + a*b",
                     sep = "\n")

  sat_model <- "M ~ X + W\nY ~ M + X + W"   # just identified: df = 0
  cases <- list(
    list(name = "hs_ml", model = hs_model, data = "sem_hs.csv", args = list(estimator = "ML")),
    list(name = "hs_mlr", model = hs_model, data = "sem_hs.csv", args = list(estimator = "MLR")),
    list(name = "hs_fiml_ml", model = hs_model, data = "sem_hs_missing.csv",
         args = list(estimator = "ML", missing = "ml")),
    list(name = "hs_fiml_mlr", model = hs_model, data = "sem_hs_missing.csv",
         args = list(estimator = "MLR", missing = "ml")),
    list(name = "hs_mlm", model = hs_model, data = "sem_hs.csv", args = list(estimator = "MLM")),
    list(name = "hs_mlmv", model = hs_model, data = "sem_hs.csv", args = list(estimator = "MLMV")),
    list(name = "hs_uls", model = hs_model, data = "sem_hs.csv", args = list(estimator = "ULS")),
    list(name = "hs_gls", model = hs_model, data = "sem_hs.csv", args = list(estimator = "GLS")),
    list(name = "poldem_mlm", model = pd_model, data = "sem_poldem.csv",
         args = list(estimator = "MLM")),
    list(name = "poldem_mlmv", model = pd_model, data = "sem_poldem.csv",
         args = list(estimator = "MLMV")),
    list(name = "poldem_gls", model = pd_model, data = "sem_poldem.csv",
         args = list(estimator = "GLS")),
    list(name = "mediation_mlm", model = med_model, data = "sem_mediation.csv",
         args = list(estimator = "MLM")),
    list(name = "mediation_mlmv", model = med_model, data = "sem_mediation.csv",
         args = list(estimator = "MLMV")),
    list(name = "mediation_uls", model = med_model, data = "sem_mediation.csv",
         args = list(estimator = "ULS")),
    list(name = "saturated_mlm", model = sat_model, data = "sem_mediation.csv",
         args = list(estimator = "MLM")),
    list(name = "saturated_gls", model = sat_model, data = "sem_mediation.csv",
         args = list(estimator = "GLS")),
    list(name = "mg_metric_mlm", model = hs_model, data = "sem_hs.csv",
         args = list(estimator = "MLM", group = "school", group.equal = "loadings")),
    list(name = "mg_metric_mlmv", model = hs_model, data = "sem_hs.csv",
         args = list(estimator = "MLMV", group = "school", group.equal = "loadings")),
    list(name = "mg_configural_gls", model = hs_model, data = "sem_hs.csv",
         args = list(estimator = "GLS", group = "school"))
  )
  datasets <- list(sem_hs.csv = hs, sem_poldem.csv = pd, sem_mediation.csv = med,
                   sem_hs_missing.csv = hs_missing)
  for (cs in cases) {
    fit <- do.call("sem", c(list(model = cs$model, data = datasets[[cs$data]]), cs$args))
    save(describe(fit, cs$model, cs$data, cs$args),
         paste0("sem_estimators_", cs$name, ".json"))
  }

  # ---- nested comparisons (lavTestLRT) ---------------------------------------------------
  hs_orth <- paste(hs_model, "visual ~~ 0*textual + 0*speed", "textual ~~ 0*speed", sep = "\n")
  hs_equal <- paste("visual =~ x1 + a*x2 + a*x3", "textual =~ x4 + b*x5 + b*x6",
                    "speed =~ x7 + c*x8 + c*x9", "visual ~~ 0*textual + 0*speed",
                    "textual ~~ 0*speed", sep = "\n")
  lrt <- function(name, models, args, method = "default", data = hs, data_file = "sem_hs.csv",
                  extra = list()) {
    fits <- lapply(names(models), function(k) do.call("sem", c(list(model = models[[k]], data = data),
                                                             args, extra[[k]])))
    tab <- do.call("lavTestLRT", c(fits, list(method = method, model.names = names(models))))
    # lavaan's scaled difference per adjacent pair (the scaling factor lavTestLRT does not print)
    ord <- order(sapply(fits, function(f) f@test[[1]]$df))
    fits <- fits[ord]
    scaling <- rep(NA_real_, length(fits))
    shift <- rep(NA_real_, length(fits))
    m <- tolower(gsub("[-_\\.]", "", method))
    for (k in seq_len(length(fits) - 1L)) {
      if (m %in% c("default", "satorrabentler2001") && length(fits[[k]]@test) > 1 &&
          fits[[k]]@test[[2]]$test != "scaled.shifted") {
        scaling[k + 1] <- lavaan:::lav_test_diff_SatorraBentler2001(fits[[k]],
                                                                   fits[[k + 1]])$scaling.factor
      } else if (m == "satorrabentler2010") {
        scaling[k + 1] <- lavaan:::lav_test_diff_SatorraBentler2010(fits[[k]], fits[[k + 1]],
                                                                   H1 = FALSE)$scaling.factor
      }
    }
    if (!is.null(attr(tab, "scale"))) scaling <- 1 / attr(tab, "scale")
    if (!is.null(attr(tab, "shift"))) shift <- attr(tab, "shift")
    table <- data.frame(model = rownames(tab), df = tab[["Df"]], aic = tab[["AIC"]],
                        bic = tab[["BIC"]], chisq = tab[["Chisq"]],
                        chisq_diff = tab[["Chisq diff"]], df_diff = tab[["Df diff"]],
                        pvalue = tab[["Pr(>Chisq)"]], scaling_factor = scaling, shift = shift)
    if ("RMSEA" %in% names(tab)) table$rmsea <- tab[["RMSEA"]]
    save(list(models = as.list(models), data = data_file, args = args, extra = extra,
              method = method,
              heading = attr(tab, "heading"), table = table),
         paste0("sem_estimators_lrt_", name, ".json"))
  }
  three <- list(equal = hs_equal, orthogonal = hs_orth, three = hs_model)
  lrt("ml", three, list(estimator = "ML"))
  lrt("mlm_sb2001", three, list(estimator = "MLM"), "satorra.bentler.2001")
  lrt("mlm_sb2010", three, list(estimator = "MLM"), "satorra.bentler.2010")
  lrt("mlr_default", three, list(estimator = "MLR"))
  lrt("mlr_sb2010", three, list(estimator = "MLR"), "satorra.bentler.2010")
  lrt("mlm_satorra2000", three, list(estimator = "MLM"), "satorra.2000")
  lrt("mlmv_default", three, list(estimator = "MLMV"))
  lrt("mg_mlm", list(configural = hs_model, metric = hs_model),
      list(estimator = "MLM", group = "school"),
      extra = list(metric = list(group.equal = "loadings")))
  lrt("fiml_mlr_sb2010", list(orthogonal = hs_orth, three = hs_model),
      list(estimator = "MLR", missing = "ml"), "satorra.bentler.2010",
      data = read("sem_hs_missing.csv"), data_file = "sem_hs_missing.csv")
  lrt("mg_mlmv", list(configural = hs_model, metric = hs_model),
      list(estimator = "MLMV", group = "school"),
      extra = list(metric = list(group.equal = "loadings")))
})
