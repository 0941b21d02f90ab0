# Reference fixtures for the theta parameterisation of ordered indicators (issue 25): lavaan's
# WLSMV with parameterization = "theta" for the three-factor CFA, and the Wu and Estabrook (2016)
# sequence across two groups up to strict invariance (semTools' measEq.syntax, ID.fac = "std.lv",
# ID.cat = "Wu.Estabrook.2016", parameterization = "theta"), with each level's syntax stored.
#
# Reads tests/reference/data/ordinal_items.csv and ordinal_groups.csv (written by
# ordinal_polychoric.R and ordinal_groups.R, which run first) and writes
# tests/reference/ordinal_theta.json.
#
# Run from the repository root:  Rscript tests/reference/r/ordinal_theta.R

suppressPackageStartupMessages({
  library(lavaan)
  library(semTools)
  library(jsonlite)
})

local({
  out_dir <- file.path("tests", "reference")
  data_dir <- file.path(out_dir, "data")
  keep <- c("npar", "chisq", "df", "chisq.scaled", "pvalue.scaled", "cfi.scaled",
            "tli.scaled", "rmsea.scaled", "srmr")
  table <- function(fit) {
    pe <- parameterEstimates(fit, standardized = TRUE)
    if (is.null(pe$group)) pe$group <- 1L
    pe[pe$op != ":=", c("group", "lhs", "op", "rhs", "est", "se", "std.all")]
  }
  d <- read.csv(file.path(data_dir, "ordinal_items.csv"))
  model <- "f1 =~ x1 + x2 + x3\nf2 =~ x4 + x5 + x6\nf3 =~ x7 + x8 + x9"
  fit <- lavaan::cfa(model, d, ordered = names(d), estimator = "WLSMV",
                     parameterization = "theta")
  fm <- fitMeasures(fit)
  obj <- list(lavaan = as.character(packageVersion("lavaan")),
              cfa3 = list(model = model, nobs = lavInspect(fit, "nobs"), parameters = table(fit),
                          fit = as.list(fm[intersect(keep, names(fm))])))
  g <- read.csv(file.path(data_dir, "ordinal_groups.csv"))
  items <- paste0("y", 1:6)
  two <- "f1 =~ y1 + y2 + y3\nf2 =~ y4 + y5 + y6"
  levels <- list(configural = character(0), thresholds = "thresholds",
                 metric = c("thresholds", "loadings"),
                 scalar = c("thresholds", "loadings", "intercepts"),
                 strict = c("thresholds", "loadings", "intercepts", "residuals"))
  fits <- list()
  for (level in names(levels)) {
    syn <- measEq.syntax(two, g, ordered = items, group = "grp", ID.fac = "std.lv",
                         ID.cat = "Wu.Estabrook.2016", parameterization = "theta",
                         group.equal = levels[[level]])
    fit <- lavaan::cfa(as.character(syn), g, ordered = items, group = "grp",
                       estimator = "WLSMV", parameterization = "theta")
    fits[[level]] <- fit
    fm <- fitMeasures(fit)
    obj[[level]] <- list(model = as.character(syn), nobs = lavInspect(fit, "nobs"),
                         parameters = table(fit), fit = as.list(fm[intersect(keep, names(fm))]))
  }
  for (k in 2:length(fits)) {
    lrt <- lavTestLRT(fits[[k]], fits[[k - 1]])
    obj[[names(fits)[k]]]$lrt <- list(chisq_diff = lrt[["Chisq diff"]][2],
                                      df_diff = lrt[["Df diff"]][2],
                                      pvalue = lrt[["Pr(>Chisq)"]][2])
  }
  write_json(obj, file.path(out_dir, "ordinal_theta.json"), digits = NA,
             auto_unbox = TRUE, pretty = TRUE)
})
