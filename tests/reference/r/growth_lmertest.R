# Reference fixtures for craftwave's growth models as lmerTest and lavaan users know them
# (analysis.growth, analysis.growth_latent, `craftwave growth`).
#
# lmerTest 3.x: Satterthwaite denominator df, t and p-values of each fixed effect (summary())
# and of a general contrast L'beta (contest1D()); lme4: logLik, AIC, BIC (REML criterion by
# default, ML with REML = FALSE). lavaan: growth() latent growth curves of the same repeated
# measure, unconditional and with covariates of the intercept and slope factors, with FIML.
# Writes tests/reference/data/growth_covariates.csv (simulated, seeded) and
# tests/reference/growth_lmertest_*.json.
#
# Run from the repository root:  Rscript tests/reference/r/growth_lmertest.R

suppressPackageStartupMessages({
  library(lmerTest)
  library(lavaan)
  library(jsonlite)
})

local({
  out_dir <- file.path("tests", "reference")
  data_dir <- file.path(out_dir, "data")
  save <- function(obj, name) {
    write_json(obj, file.path(out_dir, name), digits = NA, auto_unbox = TRUE, pretty = TRUE,
               na = "null")
  }

  # ---- simulated panel: two arms, age, four waves, attrition ---------------------------------
  set.seed(2024)
  n <- 240
  arm <- ifelse(seq_len(n) %% 2 == 0, "coach", "control")
  age <- round(runif(n, 22, 61))
  u0 <- rnorm(n, sd = 0.55)
  u1 <- 0.3 * u0 / 0.55 * 0.12 + rnorm(n, sd = 0.12)
  long <- expand.grid(time = 0:3, id = seq_len(n))[, c("id", "time")]
  long$arm <- arm[long$id]
  long$age <- age[long$id]
  long$resil <- round(3.1 + 0.012 * (long$age - 40) + u0[long$id] +
                      (0.10 + 0.12 * (long$arm == "coach") + u1[long$id]) * long$time +
                      rnorm(nrow(long), sd = 0.42), 4)
  long$agegroup <- ifelse(long$age < 35, "young", ifelse(long$age < 48, "middle", "older"))
  drop <- (long$time >= 2 & long$id %% 9 == 0) | (long$time == 3 & long$id %% 4 == 1)
  long <- long[!drop, ]
  path <- file.path(data_dir, "growth_covariates.csv")
  write.csv(long, path, row.names = FALSE)
  long <- read.csv(path, stringsAsFactors = FALSE)
  growth_panel <- read.csv(file.path(data_dir, "panel_growth.csv"))

  # ---- lmerTest ------------------------------------------------------------------------------
  lmt <- function(formula, data, data_file, reml = TRUE, contrasts = list(),
                  ftests = list()) {
    m <- lmerTest::lmer(formula, data = data, REML = reml)
    cf <- summary(m)$coefficients  # Satterthwaite by default
    vc <- as.data.frame(VarCorr(m))
    ll <- logLik(m)
    con <- lapply(names(contrasts), function(nm) {
      L <- contrasts[[nm]]
      ct <- contest1D(m, L)
      list(name = nm, L = L, est = ct$Estimate, se = ct$`Std. Error`, df = ct$df,
           t = ct$`t value`, pvalue = ct$`Pr(>|t|)`)
    })
    fts <- lapply(names(ftests), function(nm) {
      L <- ftests[[nm]]
      ft <- contestMD(m, L)
      list(name = nm, L = L, F = ft$`F value`, ndf = ft$NumDF, ddf = ft$DenDF,
           pvalue = ft$`Pr(>F)`)
    })
    av <- anova(m)  # Satterthwaite, type III
    list(formula = paste(deparse(formula), collapse = " "), data = data_file, reml = reml,
         lme4_version = as.character(packageVersion("lme4")),
         lmerTest_version = as.character(packageVersion("lmerTest")),
         fixed = data.frame(term = rownames(cf), est = cf[, "Estimate"],
                            se = cf[, "Std. Error"], df = cf[, "df"], t = cf[, "t value"],
                            pvalue = cf[, "Pr(>|t|)"], row.names = NULL),
         varcomp = data.frame(grp = vc$grp, var1 = ifelse(is.na(vc$var1), "", vc$var1),
                              var2 = ifelse(is.na(vc$var2), "", vc$var2), vcov = vc$vcov,
                              sdcor = vc$sdcor),
         theta = unname(getME(m, "theta")), sigma = sigma(m),
         loglik = as.numeric(ll), npar = attr(ll, "df"), aic = AIC(m), bic = BIC(m),
         deviance = if (reml) NA else deviance(m),
         reml_criterion = if (reml) as.numeric(-2 * ll) else NA,
         nobs = nobs(m), ngroups = as.numeric(ngrps(m)), contrasts = con, ftests = fts,
         anova = data.frame(term = rownames(av), F = av$`F value`, ndf = av$NumDF,
                            ddf = av$DenDF, pvalue = av$`Pr(>F)`, row.names = NULL))
  }
  save(lmt(y ~ time + (time | id), growth_panel, "panel_growth.csv"),
       "growth_lmertest_slope.json")
  # a boundary (singular) fit: theta[3] = 0; lmerTest's df come from the positive part of the
  # Hessian, evaluated around the boundary as numDeriv does
  singular_panel <- read.csv(file.path(data_dir, "panel_growth_singular.csv"))
  save(suppressMessages(lmt(y ~ time + (time | id), singular_panel,
                            "panel_growth_singular.csv")),
       "growth_lmertest_singular.json")
  save(lmt(y ~ time + (1 | id), growth_panel, "panel_growth.csv", reml = FALSE),
       "growth_lmertest_intercept_ml.json")
  # fixed effects in lme4's order: (Intercept), time, armcontrol, age, time:armcontrol
  slope_control <- c(0, 1, 0, 0, 1)
  # joint F-tests (contestMD): the slope and its arm difference; arm and age
  joint <- list(time_and_interaction = rbind(c(0, 1, 0, 0, 0), c(0, 0, 0, 0, 1)),
                arm_and_age = rbind(c(0, 0, 1, 0, 0), c(0, 0, 0, 1, 0)))
  save(lmt(resil ~ time * arm + age + (time | id), long, "growth_covariates.csv",
           contrasts = list(slope_control = slope_control), ftests = joint),
       "growth_lmertest_covariates.json")
  # a three-level factor: two-df terms in the type III anova, time contained in time:agegroup
  save(lmt(resil ~ time * agegroup + arm + (time | id), long, "growth_covariates.csv"),
       "growth_lmertest_agegroup.json")
  save(lmt(resil ~ time * arm + age + (time | id), long, "growth_covariates.csv", reml = FALSE,
           contrasts = list(slope_control = slope_control)),
       "growth_lmertest_covariates_ml.json")

  # ---- lavaan growth(): latent growth curves of the same repeated measure ---------------------
  wide <- reshape(long[, c("id", "time", "resil")], idvar = "id", timevar = "time",
                  direction = "wide", sep = "_t")
  covs <- unique(long[, c("id", "arm", "age")])
  wide <- merge(wide, covs, by = "id")
  wide$arm_control <- as.numeric(wide$arm == "control")
  ys <- paste0("resil_t", 0:3)
  basis <- paste0("i =~ ", paste0("1*", ys, collapse = " + "), "\n",
                  "s =~ ", paste0(0:3, "*", ys, collapse = " + "))
  lgc <- function(model, name, args) {
    fit <- lavaan::growth(model, data = wide, missing = args$missing)
    pe <- parameterEstimates(fit)
    pe <- pe[, c("lhs", "op", "rhs", "est", "se", "z", "pvalue")]
    save(list(model = model, data = "growth_covariates.csv", args = args,
              lavaan_version = as.character(packageVersion("lavaan")),
              converged = lavInspect(fit, "converged"), nobs = lavInspect(fit, "nobs"),
              parameters = pe,
              fit = as.list(fitMeasures(fit, c("npar", "chisq", "df", "pvalue", "cfi", "tli",
                                                "rmsea", "srmr", "logl", "aic", "bic")))),
         name)
  }
  lgc(basis, "growth_lmertest_latent.json", list(missing = "ml"))
  lgc(paste0(basis, "\ni ~ arm_control + age\ns ~ arm_control"),
      "growth_lmertest_latent_covariates.json", list(missing = "ml"))
})
