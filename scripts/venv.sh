# Sourced by scripts/run.sh and scripts/test.sh: a virtualenv with a requirements file installed.
#
# An active virtualenv ($VIRTUAL_ENV) is used as it is; otherwise .venv/ in the repository
# (or $INCIDENT_MAP_VENV) is created. Debian's own python3 refuses `pip install` outside a
# virtualenv (externally managed), and its `venv` module needs the python3-venv package:
# installed here when run as root, else the command to run is printed.
# Sets PY to the virtualenv's python.

ensure_venv() {
  local requirements="$1"
  if [ -n "${VIRTUAL_ENV:-}" ] && [ -x "$VIRTUAL_ENV/bin/python" ]; then
    PY="$VIRTUAL_ENV/bin/python"
  else
    local venv="${INCIDENT_MAP_VENV:-.venv}"
    if [ ! -x "$venv/bin/python" ]; then
      if ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then
        if [ "$(id -u)" = 0 ]; then
          apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
        else
          echo "Python's venv module is missing: run  sudo apt-get install python3-venv  and try again" >&2
          exit 1
        fi
      fi
      echo "creating the virtualenv $venv (once)" >&2
      python3 -m venv "$venv"
    fi
    PY="$venv/bin/python"
  fi
  "$PY" -m pip install --quiet --disable-pip-version-check -r "$requirements"
}
