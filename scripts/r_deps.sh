#!/usr/bin/env bash
# R and the packages the reference fixtures come from (Debian's builds): one list, in system_deps.sh.
set -eu
CI=true bash "$(dirname "$0")/system_deps.sh"
