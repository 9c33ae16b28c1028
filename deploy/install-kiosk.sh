#!/usr/bin/env bash
# Turns a Debian 12 PC into a MeetScan kiosk: MeetScan alone under cage on tty1, restarted by
# systemd when it crashes or hangs, cameras accessible and named, no VT switching. Idempotent:
# run it again after an upgrade, it rewrites the same files and changes nothing else.
#
#   sudo deploy/install-kiosk.sh [--user NAME] [--binary PATH] [--autologin] [--root DIR]
#
#   --user NAME     the kiosk account (default meetscan; created if missing, home /var/lib/meetscan)
#   --binary PATH   the meetscan executable the kiosk runs (default /usr/local/bin/meetscan)
#   --autologin     start the kiosk from a getty autologin on tty1 and a login script instead of
#                   meetscan-kiosk.service (no watchdog; for machines where the service cannot
#                   get the seat)
#   --root DIR      write the files under DIR and only print the system commands (packaging, tests)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
user=meetscan
binary=/usr/local/bin/meetscan
autologin=0
root=""

usage() {
  sed -n '6,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --user) [ $# -ge 2 ] || usage; user=$2; shift 2 ;;
    --binary) [ $# -ge 2 ] || usage; binary=$2; shift 2 ;;
    --autologin) autologin=1; shift ;;
    --root) [ $# -ge 2 ] || usage; root=$2; shift 2 ;;
    -h|--help) usage ;;
    *) echo "install-kiosk.sh: unknown option $1" >&2; usage ;;
  esac
done
case "$user" in
  ''|*[!a-z0-9_-]*) echo "install-kiosk.sh: bad user name '$user'" >&2; exit 2 ;;
esac
case "$binary" in
  /*) ;;
  *) echo "install-kiosk.sh: --binary must be an absolute path" >&2; exit 2 ;;
esac

# Runs a command on the real system, or says it would when installing under --root.
system() {
  if [ -n "$root" ]; then
    echo "would run: $*"
  else
    "$@"
  fi
}

# Writes a file only when its content differs, so a second run touches nothing.
put() { # put MODE DEST (content on stdin)
  local mode=$1 dest="$root$2" tmp
  tmp=$(mktemp)
  cat >"$tmp"
  if [ -f "$dest" ] && cmp -s "$tmp" "$dest" && [ "$(stat -c %a "$dest")" = "$mode" ]; then
    rm -f "$tmp"
    echo "unchanged: $2"
    return
  fi
  install -D -m "$mode" "$tmp" "$dest"
  rm -f "$tmp"
  echo "installed: $2"
}

if [ -z "$root" ] && [ "$(id -u)" -ne 0 ]; then
  echo "install-kiosk.sh: run as root (sudo), or use --root DIR" >&2
  exit 1
fi

# 1. cage, the one-application Wayland compositor.
if [ -z "$root" ] && ! command -v cage >/dev/null 2>&1; then
  apt-get install -y --no-install-recommends cage
fi
if [ -z "$root" ] && [ ! -x "$binary" ]; then
  echo "install-kiosk.sh: warning: $binary is not there yet (install meetscan there, or pass --binary)" >&2
fi

# 2. The kiosk account: no password, in the groups for the camera, GPU, input, sound and printers.
if [ -z "$root" ]; then
  if ! id "$user" >/dev/null 2>&1; then
    useradd --system --create-home --home-dir /var/lib/meetscan --shell /bin/sh "$user"
  fi
  usermod -a -G video,render,input,audio,lp "$user"
else
  echo "would run: useradd --system --create-home --home-dir /var/lib/meetscan --shell /bin/sh $user (when missing)"
fi

# 3. Cameras: group access and the /dev/meetscan-camera name.
put 644 /etc/udev/rules.d/70-meetscan-camera.rules <"$here/udev/70-meetscan-camera.rules"

# 4. No way out to a console: no VTs to switch to, no SysRq, no Ctrl+Alt+Del reboot.
put 644 /etc/systemd/logind.conf.d/meetscan-kiosk.conf <"$here/kiosk/logind-meetscan.conf"
put 644 /etc/sysctl.d/90-meetscan-kiosk.conf <"$here/kiosk/sysctl-meetscan.conf"
system systemctl mask ctrl-alt-del.target

# 5. How the kiosk starts.
sed -e "s|^User=meetscan$|User=$user|" -e "s|/usr/local/bin/meetscan|$binary|" \
  "$here/systemd/meetscan-kiosk.service" | put 644 /etc/systemd/system/meetscan-kiosk.service
put 644 /usr/local/share/doc/meetscan/README.md <"$here/README.md"
if [ "$autologin" = 1 ]; then
  sed -e "s|--autologin meetscan|--autologin $user|" "$here/kiosk/getty-autologin.conf" |
    put 644 /etc/systemd/system/getty@tty1.service.d/meetscan-autologin.conf
  sed -e "s|/usr/local/bin/meetscan|$binary|" "$here/kiosk/meetscan-session" | put 755 /usr/local/lib/meetscan/meetscan-session
  # The login shell hands tty1 over to the session script (a second run finds the line there).
  profile="$root/var/lib/meetscan/.profile"
  # shellcheck disable=SC2016 # expanded by the login shell, not here
  line='[ "$(tty)" = /dev/tty1 ] && exec /usr/local/lib/meetscan/meetscan-session'
  mkdir -p "$(dirname "$profile")"
  if ! grep -qxF "$line" "$profile" 2>/dev/null; then
    echo "$line" >>"$profile"
    echo "installed: /var/lib/meetscan/.profile (login script line)"
  else
    echo "unchanged: /var/lib/meetscan/.profile"
  fi
  system chown "$user:" /var/lib/meetscan/.profile
  system systemctl daemon-reload
  system systemctl disable meetscan-kiosk.service
  system systemctl enable getty@tty1.service
else
  if [ -f "$root/etc/systemd/system/getty@tty1.service.d/meetscan-autologin.conf" ]; then
    rm -f "$root/etc/systemd/system/getty@tty1.service.d/meetscan-autologin.conf"
    echo "removed: /etc/systemd/system/getty@tty1.service.d/meetscan-autologin.conf (the service replaces it)"
  fi
  system systemctl daemon-reload
  system systemctl enable meetscan-kiosk.service
fi

# 6. Apply the rules and settings now rather than at the next boot.
system udevadm control --reload
system udevadm trigger --subsystem-match=video4linux
system sysctl --load=/etc/sysctl.d/90-meetscan-kiosk.conf
echo "done: check the machine with \`sudo -u $user meetscan --db /var/lib/meetscan/meetscan.db doctor\`, then reboot"
