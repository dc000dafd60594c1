#!/usr/bin/env bash
# Installs what newsloom needs to build and test on Debian 12. Installs only
# what is missing, so it is quick (and offline) on a machine already set up.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config python3
  libxml2-dev zlib1g-dev libuchardet-dev nlohmann-json3-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libcld2-dev
  libstemmer-dev
  clang-14 libclang-rt-14-dev
  libsqlite3-dev libcpp-httplib-dev chromium wrk
)

# Node.js and npm drive the browser test. A machine may already have them from
# another source (NodeSource's nodejs bundles npm and conflicts with Debian's
# npm package), so they are installed only when the commands are missing.
if ! command -v node >/dev/null 2>&1; then PACKAGES+=(nodejs); fi
if ! command -v npm >/dev/null 2>&1; then PACKAGES+=(npm); fi

missing=()
for package in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
