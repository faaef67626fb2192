#!/usr/bin/env bash
# The Debian packages the project needs. `--build`: only what `npm ci` needs to build
# keytar's native module (a compiler, pkg-config, libsecret) and npm itself when the
# machine has none (scripts/use-node.sh uses it to fetch Node 24). Without it, also what
# the tests need: gnome-keyring and dbus for the real keychain tests, Chromium (and a CJK
# font for the Chinese screenshots) for the renderer and whole-app tests.
# Installs what is missing when it can (root with apt-get); otherwise says what to install.
set -euo pipefail
packages=(libsecret-1-dev libsecret-1-0 build-essential python3 pkg-config)
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
if [ "${1:-}" != "--build" ]; then
  # xvfb: a display for the Electron end-to-end specs, where Electron's binary exists.
  packages+=(gnome-keyring dbus dbus-bin chromium fonts-wqy-microhei xvfb)
fi

command -v dpkg >/dev/null 2>&1 || exit 0 # not Debian: nothing to check here
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "MM Tray needs these Debian packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
