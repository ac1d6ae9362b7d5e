# Shell functions the test scripts share; sourced, never run. Each caller
# has `set -euo pipefail` and its working directory at the repository root.

# A heading in the log: `== what runs now`.
step() { printf '\n== %s\n' "$*"; }

# Whether a line of TEXT matches PATTERN (grep -E). Output is captured
# before it is searched: with pipefail, `cmd | grep -q` fails when grep
# stops reading early and cmd dies of SIGPIPE.
has() { # TEXT PATTERN
  grep -qE -- "$2" <<<"$1"
}

# Stops the script with a message naming it (`test-c: FAILED: ...`).
fail() {
  echo "$(basename "$0" .sh): FAILED: $*" >&2
  exit 1
}

# Debian packages, installed with apt-get after one `apt-get update` per
# script (sudo where the script does not run as root).
apt_updated=false
apt_install() { # PACKAGE...
  local sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  if ! $apt_updated; then
    $sudo apt-get update
    apt_updated=true
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "$@"
}

# The first ```LANG block after the line of FILE that starts with HEADING:
# how the documents' examples are taken out to be compiled and run.
extract() { # FILE HEADING LANG
  awk -v heading="$2" -v lang="$3" '
    index($0, heading) == 1 { seen = 1 }
    seen && !done && $0 == "```" lang { grab = 1; next }
    grab && $0 == "```" { grab = 0; done = 1 }
    grab { print }' "$1"
}
