# Reference fixtures for analysis/intervention/itt.py: the intention-to-treat model by FIML with
# auxiliary variables (lavaan), and by multiple imputation (mice, predictive mean matching,
# pooled by Rubin's rules). Run from the repository root: Rscript tests/reference/r/intervention_itt.R
# Needs lavaan, mice and jsonlite.
suppressPackageStartupMessages({
  library(jsonlite)
  library(lavaan)
  library(mice)
})

out_dir <- file.path("tests", "reference")
data_dir <- file.path(out_dir, "data")
dir.create(data_dir, showWarnings = FALSE, recursive = TRUE)

# -- the data: two arms, three waves, an auxiliary; dropout depends on what was observed -----
set.seed(20261204)
n <- 400
arm <- sample(rep(c("control", "forum"), each = n / 2))
trait <- rnorm(n)
forum <- as.numeric(arm == "forum")
resil_w1 <- 3 + 0.6 * trait + rnorm(n, sd = 0.5)
meaning_w2 <- 3 + 0.5 * trait + 0.3 * forum + rnorm(n, sd = 0.6)
resil_w2 <- 3 + 0.6 * trait + 0.10 * forum + rnorm(n, sd = 0.5)
resil_w3 <- 3 + 0.6 * trait + 0.30 * forum + 0.3 * (meaning_w2 - 3) + rnorm(n, sd = 0.5)
resil_w1[sample(n, 10)] <- NA
p_drop2 <- plogis(-1.8 + 0.4 * forum)
drop2 <- runif(n) < p_drop2
# MAR: leaving before wave 3 depends on the observed wave-2 answers
p_drop3 <- plogis(-1.2 - 1.2 * (resil_w2 - 3) - 0.8 * (meaning_w2 - 3))
drop3 <- drop2 | runif(n) < p_drop3
resil_w2[drop2] <- NA
meaning_w2[drop2] <- NA
resil_w3[drop3] <- NA
d <- data.frame(participant_id = sprintf("p%03d", seq_len(n)), arm = arm,
                resil_w1 = round(resil_w1, 4), resil_w2 = round(resil_w2, 4),
                resil_w3 = round(resil_w3, 4), meaning_w2 = round(meaning_w2, 4))
write.csv(d, file.path(data_dir, "intervention_itt.csv"), row.names = FALSE, na = "")
d <- read.csv(file.path(data_dir, "intervention_itt.csv"))  # fit exactly what Python reads
x <- data.frame(y = d$resil_w3, x0 = d$resil_w1, arm1 = as.numeric(d$arm == "forum"),
                aux1 = d$resil_w2, aux2 = d$meaning_w2)

arm_row <- function(fit) {
  pe <- parameterEstimates(fit)
  r <- pe[pe$lhs == "y" & pe$op == "~" & pe$rhs == "arm1", ]
  list(est = r$est, se = r$se, ci_lower = r$ci.lower, ci_upper = r$ci.upper,
       nobs = lavInspect(fit, "nobs"))
}

# -- FIML: no auxiliaries, and saturated-correlates auxiliaries ------------------------------
plain <- sem("y ~ arm1 + x0", data = x, missing = "ml", fixed.x = FALSE)
# the predictors' covariance is written out: once an auxiliary covaries with them lavaan no
# longer treats them as exogenous and would fix it at zero
aux_model <- "
  y ~ arm1 + x0
  arm1 ~~ x0
  aux1 ~~ arm1 + x0 + y + aux2
  aux2 ~~ arm1 + x0 + y
"
with_aux <- sem(aux_model, data = x, missing = "ml", fixed.x = FALSE)
complete <- lm(y ~ arm1 + x0, data = x)

# -- multiple imputation: mice pmm (its default), m = 40, pooled -------------------------
imp <- mice(x, m = 40, method = "pmm", maxit = 10, seed = 20261204, printFlag = FALSE)
pooled <- summary(pool(with(imp, lm(y ~ arm1 + x0))), conf.int = TRUE)
mi_row <- pooled[pooled$term == "arm1", ]

out <- list(
  source = "lavaan::sem(missing = 'ml', fixed.x = FALSE); mice(method = 'pmm', m = 40)",
  lavaan_version = as.character(packageVersion("lavaan")),
  mice_version = as.character(packageVersion("mice")),
  n = n, n_complete_cases = sum(complete.cases(x[, c("y", "x0")])),
  fiml_plain = arm_row(plain), fiml_aux = arm_row(with_aux),
  complete_cases = list(est = unname(coef(complete)["arm1"]),
                        se = unname(sqrt(diag(vcov(complete)))["arm1"])),
  mi = list(est = mi_row$estimate, se = mi_row$std.error, df = mi_row$df,
            ci_lower = mi_row$`2.5 %`, ci_upper = mi_row$`97.5 %`, m = 40)
)
write_json(out, file.path(out_dir, "intervention_itt.json"), auto_unbox = TRUE, digits = NA,
           pretty = TRUE)
