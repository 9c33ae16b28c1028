#!/usr/bin/env bash
# Installs every build, run and test dependency of MeetScan from Debian 12 packages.
# Idempotent: packages already present are skipped, and `apt-get update` runs at most once.
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config git
  # libraries
  libimgui-dev libstb-dev libglfw3-dev libgl-dev
  libzxing-dev
  libsqlite3-dev libsqlitecpp-dev sqlite3
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-tools
  libcairo2-dev libpango1.0-dev libfontconfig-dev
  libcups2-dev
  libsodium-dev libfmt-dev libcli11-dev nlohmann-json3-dev libtomlplusplus-dev
  libxlsxwriter-dev libminizip-dev libpq-dev
  libcurl4-openssl-dev libgmime-3.0-dev
  # ICU: "Any-Latin; Latin-ASCII" names packet folders of Cyrillic, Han, Greek... names readably
  libicu-dev
  # fonts for names in any script
  fontconfig fonts-dejavu-core fonts-noto-core fonts-noto-cjk
  # tests
  libgtest-dev libgmock-dev
  xvfb xauth libgl1-mesa-dri mesa-utils
  poppler-utils qpdf zbar-tools zxing-cpp-tools
  python3 python3-vobject python3-openpyxl
  # a real SMTP server for the e-mail tests (tests/support/smtp_server.py)
  python3-aiosmtpd openssl   # openssl: the STARTTLS test makes its own certificate
  # a WebKit renderer for a picture of one received HTML body (tests/cli/send_cli_test.cpp)
  wkhtmltopdf
  # a kiosk whose clock runs years ahead (tests/cli/stations_cli_test.cpp)
  faketime
  # sanitizers and fuzzers (deploy/quickstart.sh test): clang 14, its runtimes with libFuzzer,
  # and llvm-symbolizer so that reports name files and lines
  clang libclang-rt-14-dev llvm
  cups cups-client printer-driver-cups-pdf postgresql
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: every dependency is installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update
"${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
