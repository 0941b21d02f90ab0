# Reference fixture for the reports' improper-solution check (analysis.sem.admissibility).
#
# Simulates (seeded) a 3-wave, 2-construct panel from a CLPM WITHOUT stable between-person
# differences, so that lavaan's RI-CLPM estimates negative random-intercept variances (an
# improper solution), writes it to tests/reference/data/reports_improper.csv, and records
# lavaan's estimates, its post-fit warnings (lav_object_post_check) and the chi-squares of the
# RI-CLPM and the nested CLPM (ML, complete data; fixed.x = FALSE as craftwave's builders).
# The syntax is written out by hand, independently of the Python builders.
#
# Run from the repository root:  Rscript tests/reference/r/reports.R

suppressPackageStartupMessages({
  library(lavaan)
  library(jsonlite)
})

local({
  out_dir <- file.path("tests", "reference")
  data_dir <- file.path(out_dir, "data")
  set.seed(12)
  n <- 300
  x1 <- rnorm(n); y1 <- 0.3 * x1 + rnorm(n, sd = sqrt(1 - 0.09))
  x2 <- 0.5 * x1 + 0.1 * y1 + rnorm(n, sd = 0.8)
  y2 <- 0.3 * x1 + 0.5 * y1 + rnorm(n, sd = 0.8)
  x3 <- 0.5 * x2 + 0.1 * y2 + rnorm(n, sd = 0.8)
  y3 <- 0.3 * x2 + 0.5 * y2 + rnorm(n, sd = 0.8)
  d <- data.frame(participant_id = sprintf("p%03d", seq_len(n)),
                  icraft_w1 = x1, icraft_w2 = x2, icraft_w3 = x3,
                  resil_w1 = y1, resil_w2 = y2, resil_w3 = y3)
  d[-1] <- round(d[-1], 6)
  path <- file.path(data_dir, "reports_improper.csv")
  write.csv(d, path, row.names = FALSE)
  d <- read.csv(path, stringsAsFactors = FALSE)

  riclpm <- "
    RI_icraft =~ 1*icraft_w1 + 1*icraft_w2 + 1*icraft_w3
    RI_resil =~ 1*resil_w1 + 1*resil_w2 + 1*resil_w3
    W_icraft_w1 =~ 1*icraft_w1
    W_icraft_w2 =~ 1*icraft_w2
    W_icraft_w3 =~ 1*icraft_w3
    W_resil_w1 =~ 1*resil_w1
    W_resil_w2 =~ 1*resil_w2
    W_resil_w3 =~ 1*resil_w3
    icraft_w1 ~~ 0*icraft_w1
    icraft_w2 ~~ 0*icraft_w2
    icraft_w3 ~~ 0*icraft_w3
    resil_w1 ~~ 0*resil_w1
    resil_w2 ~~ 0*resil_w2
    resil_w3 ~~ 0*resil_w3
    W_icraft_w2 ~ W_icraft_w1 + W_resil_w1
    W_resil_w2 ~ W_icraft_w1 + W_resil_w1
    W_icraft_w3 ~ W_icraft_w2 + W_resil_w2
    W_resil_w3 ~ W_icraft_w2 + W_resil_w2
    W_icraft_w1 ~~ W_icraft_w1
    W_resil_w1 ~~ W_resil_w1
    W_icraft_w1 ~~ W_resil_w1
    W_icraft_w2 ~~ W_resil_w2
    W_icraft_w3 ~~ W_resil_w3
    W_icraft_w2 ~~ W_icraft_w2
    W_resil_w2 ~~ W_resil_w2
    W_icraft_w3 ~~ W_icraft_w3
    W_resil_w3 ~~ W_resil_w3
    RI_icraft ~~ RI_icraft
    RI_resil ~~ RI_resil
    RI_icraft ~~ RI_resil
    RI_icraft ~~ 0*W_icraft_w1
    RI_icraft ~~ 0*W_resil_w1
    RI_resil ~~ 0*W_icraft_w1
    RI_resil ~~ 0*W_resil_w1
  "
  clpm <- "
    icraft_w2 ~ icraft_w1 + resil_w1
    resil_w2 ~ icraft_w1 + resil_w1
    icraft_w3 ~ icraft_w2 + resil_w2
    resil_w3 ~ icraft_w2 + resil_w2
    icraft_w1 ~~ icraft_w1
    resil_w1 ~~ resil_w1
    icraft_w1 ~~ resil_w1
    icraft_w2 ~~ resil_w2
    icraft_w3 ~~ resil_w3
    icraft_w2 ~~ icraft_w2
    resil_w2 ~~ resil_w2
    icraft_w3 ~~ icraft_w3
    resil_w3 ~~ resil_w3
  "
  caught <- character()
  fit <- withCallingHandlers(
    lavaan(riclpm, data = d, meanstructure = TRUE, int.ov.free = TRUE, int.lv.free = FALSE,
           auto.var = FALSE, fixed.x = FALSE),
    warning = function(w) {
      caught <<- c(caught, conditionMessage(w))
      invokeRestart("muffleWarning")
    })
  fit_c <- lavaan(clpm, data = d, meanstructure = TRUE, int.ov.free = TRUE,
                  int.lv.free = FALSE, auto.var = FALSE, fixed.x = FALSE)
  clean <- function(m) trimws(gsub("\\s+", " ", sub("^lavaan WARNING:", "", m)))
  pe <- parameterEstimates(fit)
  out <- list(
    data = "reports_improper.csv",
    warnings = unname(vapply(caught, clean, "")),
    params = pe[, c("lhs", "op", "rhs", "est", "se")],
    chisq = unname(fitMeasures(fit, "chisq")), df = unname(fitMeasures(fit, "df")),
    chisq_clpm = unname(fitMeasures(fit_c, "chisq")), df_clpm = unname(fitMeasures(fit_c, "df")),
    lavaan = as.character(packageVersion("lavaan"))
  )
  write_json(out, file.path(out_dir, "reports_improper.json"), digits = NA, auto_unbox = TRUE,
             pretty = TRUE)
})
