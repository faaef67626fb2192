#!/usr/bin/env bash
# Runs a command against a real, unlocked Secret Service: a private D-Bus session with
# gnome-keyring in it, keeping its keyrings in a fresh temporary folder (a keyring left
# over with another password would stay locked). The keychain tests run under it:
#   bash scripts/with-keyring.sh npx vitest run --config vitest.keychain.config.ts
# Needs dbus (dbus-run-session) and gnome-keyring; keytar itself needs libsecret-1-0.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

missing=()
command -v dbus-run-session >/dev/null 2>&1 || missing+=("dbus-run-session (package dbus)")
command -v dbus-send >/dev/null 2>&1 || missing+=("dbus-send (package dbus or dbus-bin)")
command -v gnome-keyring-daemon >/dev/null 2>&1 || missing+=("gnome-keyring-daemon (package gnome-keyring)")
if [ "${#missing[@]}" -gt 0 ]; then
  echo "with-keyring: cannot provide a Secret Service for the command, missing:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  echo "with-keyring: install them, e.g. sudo apt-get install dbus gnome-keyring libsecret-1-0" >&2
  exit 127
fi

scratch="$(mktemp -d "${TMPDIR:-/tmp}/mm-tray-keyring.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/data" "$scratch/runtime"
chmod 700 "$scratch/runtime"
export XDG_DATA_HOME="$scratch/data"
export XDG_RUNTIME_DIR="$scratch/runtime"

# Inside the session: start the daemon with a known password (it creates and unlocks the
# login keyring), check it owns the Secret Service name, run the command, then stop the
# daemon (it does not always exit when the session bus goes away).
set +e
dbus-run-session -- sh -c '
  if ! printf %s mm-tray-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; then
    echo "with-keyring: gnome-keyring-daemon did not start" >&2
    exit 125
  fi
  # The daemon claims the Secret Service name on the bus shortly after it returns.
  daemon=""
  tries=0
  while [ -z "$daemon" ]; do
    daemon=$(dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null |
      awk "{ print \$NF }")
    case "$daemon" in *[!0-9]*) daemon="" ;; esac
    tries=$((tries + 1))
    if [ -z "$daemon" ] && [ "$tries" -ge 100 ]; then
      echo "with-keyring: no Secret Service on the session bus 5 s after starting gnome-keyring-daemon" >&2
      exit 125
    fi
    [ -n "$daemon" ] || sleep 0.05
  done
  trap "kill $daemon 2>/dev/null" EXIT
  trap "exit 130" INT TERM
  "$@"
' with-keyring "$@"
status=$?
set -e
exit "$status"
