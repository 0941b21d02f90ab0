#!/usr/bin/env bash
# R and the packages the reference fixtures come from (Debian's builds).
set -eu
if Rscript -e 'for (p in c("lavaan","semTools","lme4","psych","jsonlite","sandwich")) library(p, character.only=TRUE)' >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq r-cran-lavaan r-cran-semtools r-cran-lme4 r-cran-psych r-cran-jsonlite r-cran-sandwich
