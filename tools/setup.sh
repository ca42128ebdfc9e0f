#!/usr/bin/env bash
# Sets up everything the app needs: the Debian libraries Qt links and PostgreSQL for the tests
# (when run as root on Debian/Ubuntu and they are missing), a virtual environment, and the pinned packages.
# Usage: tools/setup.sh [requirements file]   (default: requirements.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
REQ="${1:-requirements.txt}"
VENV="${VENV:-.venv}"
PYTHON="${PYTHON:-python3}"

# Qt's wheels link these (xcb for X11 windows; EGL/GL, fontconfig, glib, dbus, xkbcommon always).
DEBS=(libegl1 libgl1 libglib2.0-0 libdbus-1-3 libfontconfig1 libfreetype6 libxkbcommon0
      libxkbcommon-x11-0 libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0
      libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1
      libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 libxrender1 libxi6 libsm6 libice6)
# Another apt or dpkg (unattended upgrades on a fresh machine, a second terminal) may hold the
# package lock: wait for it up to APT_WAIT seconds, then say so plainly.
APT_WAIT="${APT_WAIT:-600}"
apt_locked() {
  local waited=0 out
  while true; do
    if out=$("$@" -o DPkg::Lock::Timeout=10 2>&1); then
      return 0
    fi
    if ! grep -qiE "could not get lock|unable to acquire|is another process using it" <<<"$out"; then
      echo "$out" >&2
      echo "setup: '$*' failed (see above)" >&2
      exit 2
    fi
    if [ "$waited" -ge "$APT_WAIT" ]; then
      echo "setup: the Debian package lock was held by another process for ${APT_WAIT} s;" \
           "wait for it to finish (or set APT_WAIT) and run the command again" >&2
      exit 2
    fi
    [ "$waited" = 0 ] && echo "setup: another process holds the Debian package lock; waiting for it…"
    sleep 10
    waited=$((waited + 10))
  done
}

# The office server's tests start a throwaway PostgreSQL cluster (tests/pg.py): its server binaries.
DEBS+=(postgresql)

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${DEBS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
    missing+=(python3 python3-venv python3-pip)
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt_locked apt-get update -qq
    apt_locked apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "setup: Python 3.11 or newer is needed ($PYTHON is $("$PYTHON" --version 2>&1))" >&2
  exit 2
fi

stamp="$VENV/.installed-$(basename "$REQ")"
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
if [ ! -f "$stamp" ] || [ "$REQ" -nt "$stamp" ] || [ requirements.txt -nt "$stamp" ]; then
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$REQ"
  touch "$stamp"
fi
