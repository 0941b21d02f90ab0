#!/usr/bin/env bash
# The Debian packages craftwave's tests use: Chromium (browser tests), PostgreSQL (the second
# database), poppler (PDF pages), Pango and DejaVu (WeasyPrint's PDFs), and R with lavaan,
# semTools, lme4, lmerTest, psych, mice and sandwich (the test that runs a report's reproduce.R;
# `make reference` regenerates the fixtures with them).
#
# Idempotent: it installs only what is missing. Under CI=true a tool that cannot be installed is
# an error that names it (exit 1); elsewhere it is a warning and the tests that need it skip
# with the same message.
set -u

r_packages=(lavaan semTools lme4 lmerTest psych GPArotation mice sandwich jsonlite)
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
ldconfig -p 2>/dev/null | grep -q libpango-1.0 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
r_missing() {
  command -v Rscript >/dev/null 2>&1 || { echo all; return; }
  local want
  want=$(printf "'%s'," "${r_packages[@]}")
  Rscript -e "cat(setdiff(c(${want%,}), rownames(installed.packages())))" 2>/dev/null || echo all
}
if [ -n "$(r_missing)" ]; then
  need+=(r-base-core)
  for p in "${r_packages[@]}"; do need+=("r-cran-$(echo "$p" | tr '[:upper:]' '[:lower:]')"); done
fi

strict=false
[ "${CI:-}" = "true" ] && strict=true
complain() {
  if $strict; then echo "system_deps: ERROR: $*" >&2; exit 1; fi
  echo "system_deps: $*; the tests that need them will skip." >&2
  exit 0
}

[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  complain "missing ${need[*]} and cannot apt-get here"
fi
echo "system_deps: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null 2>&1 || true
if ! apt-get install -y -qq --no-install-recommends "${need[@]}" >/tmp/craftwave-apt.log 2>&1; then
  tail -5 /tmp/craftwave-apt.log >&2
  complain "apt-get could not install ${need[*]}"
fi
left=$(r_missing)
[ -n "$left" ] && complain "R packages still missing after the install: $left"
exit 0
