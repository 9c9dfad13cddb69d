# PostgreSQL and Redis for one test run: sourced by scripts/test.sh (not run on its own).
#
# start_test_services starts a throw-away PostgreSQL cluster and Redis server on free
# loopback ports, with their data in a temporary folder, and exports the URLs the tests read
# (KAKEHASHI_TEST_POSTGRES_URL, KAKEHASHI_TEST_REDIS_URL); stop_test_services stops both and
# deletes the folder. URLs already set in the environment are used as they are, and nothing
# is started for them. Nothing here is for production: fsync is off, and so is persistence.

TEST_SERVICES_DIR=""
TEST_POSTGRES_BIN=""
TEST_REDIS_PID=""

_free_port() {
  local python=.venv/bin/python
  [ -x "$python" ] || python=python3
  "$python" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

_as_postgres() {
  # PostgreSQL refuses to run as root: run it as the postgres user the Debian package made.
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

_start_postgres() {
  local bindir port folder
  bindir=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -1)
  if [ -z "$bindir" ] || [ ! -x "$bindir/pg_ctl" ]; then
    echo "PostgreSQL is not installed (scripts/setup.sh installs it)" >&2
    return 1
  fi
  folder="$TEST_SERVICES_DIR/postgres"
  mkdir -p "$folder"
  [ "$(id -u)" != 0 ] || chown postgres: "$folder"
  chmod 700 "$folder"
  _as_postgres "$bindir/initdb" -D "$folder/data" -U kakehashi --auth=trust -E UTF8 \
    --locale=C.UTF-8 >"$TEST_SERVICES_DIR/initdb.log" 2>&1 || {
    cat "$TEST_SERVICES_DIR/initdb.log" >&2
    return 1
  }
  port=$(_free_port)
  TEST_POSTGRES_BIN=$bindir # from here on, stop_test_services stops it
  # Loopback TCP only (no Unix socket), and no waiting for the disk: the cluster is thrown
  # away after the run.
  if ! _as_postgres "$bindir/pg_ctl" start -w -t 60 -D "$folder/data" -l "$folder/server.log" \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories= -c fsync=off \
-c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null; then
    cat "$folder/server.log" >&2
    return 1
  fi
  export KAKEHASHI_TEST_POSTGRES_URL="postgresql+psycopg://kakehashi@127.0.0.1:$port/postgres"
  echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

_start_redis() {
  local port folder
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "Redis is not installed (scripts/setup.sh installs it)" >&2
    return 1
  fi
  folder="$TEST_SERVICES_DIR/redis"
  mkdir -p "$folder"
  port=$(_free_port)
  redis-server --bind 127.0.0.1 --port "$port" --dir "$folder" --save "" --appendonly no \
    --daemonize yes --pidfile "$folder/redis.pid" --logfile "$folder/redis.log"
  for _ in $(seq 100); do
    [ -s "$folder/redis.pid" ] && redis-cli -p "$port" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  if ! redis-cli -p "$port" ping >/dev/null 2>&1; then
    cat "$folder/redis.log" >&2
    return 1
  fi
  TEST_REDIS_PID=$(cat "$folder/redis.pid")
  export KAKEHASHI_TEST_REDIS_URL="redis://127.0.0.1:$port/0"
  echo "Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2) on 127.0.0.1:$port"
}

start_test_services() {
  if [ -n "${KAKEHASHI_TEST_POSTGRES_URL:-}" ] && [ -n "${KAKEHASHI_TEST_REDIS_URL:-}" ]; then
    echo "using the PostgreSQL and Redis given in KAKEHASHI_TEST_POSTGRES_URL/_REDIS_URL"
    return 0
  fi
  TEST_SERVICES_DIR=$(mktemp -d "${TMPDIR:-/tmp}/kakehashi-test-services.XXXXXX")
  chmod 711 "$TEST_SERVICES_DIR" # the postgres user must reach its folder inside
  [ -n "${KAKEHASHI_TEST_POSTGRES_URL:-}" ] || _start_postgres
  [ -n "${KAKEHASHI_TEST_REDIS_URL:-}" ] || _start_redis
}

stop_test_services() {
  if [ -n "$TEST_POSTGRES_BIN" ]; then
    _as_postgres "$TEST_POSTGRES_BIN/pg_ctl" stop -D "$TEST_SERVICES_DIR/postgres/data" \
      -m immediate -w >/dev/null 2>&1 || true
    TEST_POSTGRES_BIN=""
  fi
  if [ -n "$TEST_REDIS_PID" ]; then
    kill "$TEST_REDIS_PID" 2>/dev/null || true
    for _ in $(seq 50); do
      kill -0 "$TEST_REDIS_PID" 2>/dev/null || break
      sleep 0.1
    done
    TEST_REDIS_PID=""
  fi
  if [ -n "$TEST_SERVICES_DIR" ]; then
    rm -rf "$TEST_SERVICES_DIR"
    TEST_SERVICES_DIR=""
  fi
}
