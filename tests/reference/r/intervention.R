# Reference fixtures for analysis/intervention.py (ANCOVA, difference-in-differences, attrition
# by arm). Run from the repository root: Rscript tests/reference/r/intervention.R
# Needs jsonlite and sandwich (Debian: r-cran-jsonlite, r-cran-sandwich).
suppressPackageStartupMessages({
  library(jsonlite)
  library(sandwich)
})

out_dir <- file.path("tests", "reference")
data_dir <- file.path(out_dir, "data")
dir.create(data_dir, showWarnings = FALSE, recursive = TRUE)

# -- the data: three arms, three waves, dropout that differs by arm --------------------------
set.seed(20261123)
n <- 360
arm <- sample(rep(c("control", "forum", "mentoring"), each = n / 3))
trait <- rnorm(n)
effect <- c(control = 0, forum = 0.15, mentoring = 0.35)[arm]
resil_w1 <- 3 + 0.6 * trait + rnorm(n, sd = 0.5)
resil_w2 <- 3 + 0.6 * trait + 0.05 + effect + rnorm(n, sd = 0.5 + 0.2 * (arm == "mentoring"))
resil_w3 <- 3 + 0.6 * trait + 0.10 + 0.8 * effect + rnorm(n, sd = 0.5)
age <- round(runif(n, 18, 65))
p_drop2 <- c(control = 0.15, forum = 0.20, mentoring = 0.30)[arm]
drop2 <- runif(n) < p_drop2
drop3 <- drop2 | runif(n) < 0.15
resil_w1[sample(n, 6)] <- NA
resil_w2[drop2] <- NA
resil_w3[drop3] <- NA
d <- data.frame(participant_id = sprintf("p%03d", seq_len(n)), arm = arm, age = age,
                resil_w1 = round(resil_w1, 4), resil_w2 = round(resil_w2, 4),
                resil_w3 = round(resil_w3, 4))
write.csv(d, file.path(data_dir, "intervention.csv"), row.names = FALSE, na = "")
d <- read.csv(file.path(data_dir, "intervention.csv"))  # fit exactly what Python reads
d$arm <- factor(d$arm, levels = c("control", "forum", "mentoring"))

coef_table <- function(fit, V, df) {
  est <- coef(fit)
  se <- sqrt(diag(V))
  crit <- qt(0.975, df)
  data.frame(term = names(est), est = unname(est), se = unname(se),
             t = unname(est / se), df = df,
             pvalue = unname(2 * pt(abs(est / se), df, lower.tail = FALSE)),
             ci_lower = unname(est - crit * se), ci_upper = unname(est + crit * se))
}

# -- ANCOVA: resil_w2 ~ arm + resil_w1 (+ age), HC3 and classic ------------------------------
ancova <- list()
for (spec in list(list(name = "plain", f = resil_w2 ~ arm + resil_w1),
                  list(name = "covariate", f = resil_w2 ~ arm + resil_w1 + age))) {
  m <- lm(spec$f, data = d)
  ancova[[spec$name]] <- list(
    n = nobs(m),
    HC3 = coef_table(m, vcovHC(m, type = "HC3"), df.residual(m)),
    classic = coef_table(m, vcov(m), df.residual(m))
  )
}

# -- difference-in-differences: long format, arm * factor(wave), clustered by participant ----
long <- reshape(d[, c("participant_id", "arm", "resil_w1", "resil_w2", "resil_w3")],
                direction = "long", varying = c("resil_w1", "resil_w2", "resil_w3"),
                v.names = "y", timevar = "wave", times = 1:3, idvar = "participant_id")
long <- long[!is.na(long$y), ]
did <- list()
for (ref in c(1, 2)) {
  long$wave_f <- factor(long$wave, levels = c(ref, setdiff(1:3, ref)))
  m <- lm(y ~ arm * wave_f, data = long)
  V <- vcovCL(m, cluster = ~participant_id, type = "HC1")
  G <- length(unique(long$participant_id))
  did[[paste0("after_wave_", ref)]] <- list(
    n_obs = nobs(m), n_participants = G,
    coefficients = coef_table(m, V, G - 1)
  )
}

# -- attrition by arm: Pearson chi-square without continuity correction ---------------------
attr <- list()
for (w in 2:3) {
  resp <- !is.na(d[[paste0("resil_w", w)]])
  tab <- table(d$arm, factor(resp, levels = c(TRUE, FALSE)))
  ct <- suppressWarnings(chisq.test(tab, correct = FALSE))
  attr[[length(attr) + 1]] <- list(wave = w, chisq = unname(ct$statistic),
                                   df = unname(ct$parameter), pvalue = ct$p.value,
                                   responded = as.vector(tab[, 1]),
                                   assigned = as.vector(rowSums(tab)))
}

meta <- list(r_version = R.version.string,
             sandwich_version = as.character(packageVersion("sandwich")))
write_json(c(meta, list(ancova = ancova)), file.path(out_dir, "intervention_ancova.json"),
           digits = NA, auto_unbox = TRUE, pretty = TRUE)
write_json(c(meta, list(did = did)), file.path(out_dir, "intervention_did.json"),
           digits = NA, auto_unbox = TRUE, pretty = TRUE)
write_json(c(meta, list(attrition = attr)), file.path(out_dir, "intervention_attrition.json"),
           digits = NA, auto_unbox = TRUE, pretty = TRUE)
