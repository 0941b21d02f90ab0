# Reference fixtures for the researcher report's descriptive tables: means, SDs and pairwise
# correlations with their N and p (psych::corr.test), completers versus dropouts (Welch t test,
# Cohen's d with the pooled SD, Hedges' g) and Little's (1988) MCAR test, written out here from
# its definition with EM (maximum-likelihood, divisor N) moments.
# Run from the repository root: Rscript tests/reference/r/reports_tables.R
suppressPackageStartupMessages({
  library(jsonlite)
  library(psych)
})

out_dir <- file.path("tests", "reference")
data_dir <- file.path(out_dir, "data")
dir.create(data_dir, showWarnings = FALSE, recursive = TRUE)

# -- the data: three constructs at three waves, dropout that depends on wave-1 scores ---------
set.seed(20261204)
n <- 320
trait <- matrix(rnorm(n * 3), n, 3)
d <- data.frame(participant_id = sprintf("p%03d", seq_len(n)))
stems <- c("icraft", "resil", "ccommit")
for (w in 1:3) {
  for (k in seq_along(stems)) {
    d[[sprintf("%s_w%d", stems[k], w)]] <-
      round(3 + 0.7 * trait[, k] + 0.3 * trait[, 1] + 0.1 * w + rnorm(n, sd = 0.6), 4)
  }
}
p_drop2 <- plogis(-1.6 - 0.5 * trait[, 2])
gone2 <- runif(n) < p_drop2
gone3 <- gone2 | runif(n) < 0.2
for (s in stems) {
  d[gone2, sprintf("%s_w2", s)] <- NA
  d[gone3, sprintf("%s_w3", s)] <- NA
}
d[sample(n, 12), "resil_w1"] <- NA          # item nonresponse within a wave
d[sample(which(!gone2), 8), "ccommit_w2"] <- NA
write.csv(d, file.path(data_dir, "reports_tables.csv"), row.names = FALSE, na = "")
d <- read.csv(file.path(data_dir, "reports_tables.csv"))  # fit exactly what Python reads

# -- descriptives and correlations per wave (pairwise complete cases) -------------------------
desc <- list()
for (w in 1:3) {
  cols <- sprintf("%s_w%d", stems, w)
  x <- d[, cols]
  ct <- corr.test(x, use = "pairwise", adjust = "none")
  desc[[as.character(w)]] <- list(
    variables = cols,
    n = unname(colSums(!is.na(x))),
    mean = unname(colMeans(x, na.rm = TRUE)),
    sd = unname(apply(x, 2, sd, na.rm = TRUE)),
    r = unname(ct$r), p = unname(ct$p), pair_n = unname(ct$n))
}

# -- completers versus dropouts on wave-1 scores, per transition ------------------------------
present <- function(w) rowSums(!is.na(d[, sprintf("%s_w%d", stems, w)])) > 0
dropout <- list()
for (a in 1:2) {
  b <- a + 1
  stay <- present(a) & present(b)
  gone <- present(a) & !present(b)
  for (s in stems) {
    col <- sprintf("%s_w1", s)
    x <- d[stay, col]; x <- x[!is.na(x)]
    y <- d[gone, col]; y <- y[!is.na(y)]
    tt <- t.test(x, y, var.equal = FALSE)
    nx <- length(x); ny <- length(y)
    pooled <- sqrt(((nx - 1) * var(x) + (ny - 1) * var(y)) / (nx + ny - 2))
    dd <- (mean(x) - mean(y)) / pooled
    dropout[[length(dropout) + 1]] <- list(
      from_wave = a, to_wave = b, variable = col, n_completers = nx, n_dropouts = ny,
      mean_completers = mean(x), mean_dropouts = mean(y), t = unname(tt$statistic),
      df = unname(tt$parameter), pvalue = tt$p.value, cohens_d = dd,
      hedges_g = dd * (1 - 3 / (4 * (nx + ny) - 9)))
  }
}

# -- Little's MCAR test on the scores of three constructs at three waves ----------------------
cols <- as.vector(outer(stems, 1:3, function(s, w) sprintf("%s_w%d", s, w)))
em_moments <- function(x, tol = 1e-10, max_iter = 10000) {
  mu <- colMeans(x, na.rm = TRUE)
  S <- diag(apply(x, 2, var, na.rm = TRUE))
  for (it in seq_len(max_iter)) {
    T1 <- rep(0, ncol(x)); T2 <- matrix(0, ncol(x), ncol(x))
    for (i in seq_len(nrow(x))) {
      o <- !is.na(x[i, ]); m <- !o
      y <- x[i, ]; C <- matrix(0, ncol(x), ncol(x))
      if (any(m)) {
        B <- S[m, o, drop = FALSE] %*% solve(S[o, o, drop = FALSE])
        y[m] <- mu[m] + B %*% (x[i, o] - mu[o])
        C[m, m] <- S[m, m, drop = FALSE] - B %*% S[o, m, drop = FALSE]
      }
      T1 <- T1 + y; T2 <- T2 + tcrossprod(y) + C
    }
    mu_new <- T1 / nrow(x); S_new <- T2 / nrow(x) - tcrossprod(mu_new)
    done <- max(abs(mu_new - mu), abs(S_new - S)) < tol
    mu <- mu_new; S <- S_new
    if (done) break
  }
  list(mu = mu, S = S)
}
x <- as.matrix(d[, cols])
x <- x[rowSums(!is.na(x)) > 0, , drop = FALSE]
em <- em_moments(x)
key <- apply(!is.na(x), 1, function(r) paste(as.integer(r), collapse = ""))
d2 <- 0; dfs <- 0
for (k in unique(key)) {
  rows <- x[key == k, , drop = FALSE]
  o <- !is.na(rows[1, ])
  diff <- colMeans(rows[, o, drop = FALSE]) - em$mu[o]
  d2 <- d2 + nrow(rows) * drop(t(diff) %*% solve(em$S[o, o, drop = FALSE]) %*% diff)
  dfs <- dfs + sum(o)
}
dfs <- dfs - ncol(x)
mcar_out <- list(columns = cols, statistic = d2, df = dfs,
                 pvalue = pchisq(d2, dfs, lower.tail = FALSE), n_patterns = length(unique(key)))

write_json(list(data = "reports_tables.csv", descriptives = desc, dropout = dropout,
                mcar = mcar_out, psych = as.character(packageVersion("psych"))),
           file.path(out_dir, "reports_tables.json"), digits = NA, auto_unbox = TRUE,
           pretty = TRUE)
