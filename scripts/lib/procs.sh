# Background servers for the test set-ups (peers/up.sh, cluster/up.sh): started detached, pid files
# in $RUN, logs in $LOGS. Sourced, not run.
# shellcheck shell=bash

pid_alive() { [[ -f "$RUN/$1.pid" ]] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

stop_pid() { # name
  local f="$RUN/$1.pid" pid i
  [[ -f "$f" ]] || return 0
  pid="$(cat "$f")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

start_bg() { # name cmd... ; new session, detached from this shell, pid recorded
  local name="$1"
  shift
  stop_pid "$name"
  printf '\n==== %s start %s\n' "$(date -Is)" "$*" >>"$LOGS/$name.log"
  setsid "$@" </dev/null >>"$LOGS/$name.log" 2>&1 &
  echo $! >"$RUN/$name.pid"
}

wait_until() { # seconds cmd...
  local deadline=$((SECONDS + $1))
  shift
  while ((SECONDS < deadline)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.3
  done
  "$@" >/dev/null 2>&1
}
