#!/usr/bin/env bash
# Install the Debian packages craftwave's tests use, when they are missing and we may install.
# Each missing tool whose install fails makes its tests skip with a message naming it.
set -u
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -d /usr/lib/postgresql ] || need+=(postgresql)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
ldconfig -p 2>/dev/null | grep -q libpango-1.0 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "system_deps: missing ${need[*]} and cannot apt-get here; the tests that need them will skip." >&2
  exit 0
fi
echo "system_deps: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null 2>&1 || true
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
  || echo "system_deps: apt-get could not install ${need[*]}; the tests that need them will skip." >&2
exit 0
