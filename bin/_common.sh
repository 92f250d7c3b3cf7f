# Shared by bin/start and bin/test: install what is missing, never what is there.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mkdir -p var
PY="${PYTHON:-python3}"
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }

apt_install() {
  # apt_install PACKAGE... : install the Debian packages that are missing.
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing with apt: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

ensure_venv() {
  # ensure_venv REQUIREMENTS_FILE : a virtualenv with exactly these pins, reinstalled only when they change.
  local req="$1"
  if [ ! -x .venv/bin/python ]; then
    say "Creating the virtualenv in .venv"
    "$PY" -m venv .venv
    .venv/bin/pip install -q --upgrade pip
  fi
  local stamp="var/.installed-$(basename "$req")"
  local sum
  sum="$(cat requirements*.txt | sha256sum | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sum" ]; then
    say "Installing Python packages from $req"
    .venv/bin/pip install -q -r "$req"
    echo "$sum" > "$stamp"
  fi
}

redis_answers() {
  .venv/bin/python - "$1" <<'PY' 2>/dev/null
import sys, redis
redis.Redis.from_url(sys.argv[1], socket_connect_timeout=1).ping()
PY
}

ensure_redis() {
  # ensure_redis DEFAULT_PORT : use REDIS_URL if it answers, else start a private redis-server.
  local port="$1"
  if [ -n "${REDIS_URL:-}" ] && redis_answers "$REDIS_URL"; then
    say "Using Redis at $REDIS_URL"
    return
  fi
  export REDIS_URL="redis://127.0.0.1:${port}/0"
  if redis_answers "$REDIS_URL"; then
    say "Using Redis at $REDIS_URL"
    return
  fi
  apt_install redis-server
  mkdir -p var/redis
  say "Starting redis-server on 127.0.0.1:${port}"
  redis-server --port "$port" --bind 127.0.0.1 --dir "$ROOT/var/redis" --save "" --appendonly no \
    --daemonize no --logfile "$ROOT/var/redis/redis.log" &
  REDIS_PID=$!
  for _ in $(seq 1 50); do redis_answers "$REDIS_URL" && return; sleep 0.1; done
  echo "redis-server did not start; see var/redis/redis.log" >&2
  exit 1
}

pdf_system_libraries() {
  # WeasyPrint needs Pango; the fonts ship in static/fonts.
  apt_install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig
}

compile_messages() {
  # The German and English catalogues, compiled from locale/*.po.
  apt_install gettext
  .venv/bin/python manage.py compilemessages -l de -l en --ignore '.venv' -v 0
}
