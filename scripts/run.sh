#!/usr/bin/env bash
# Run the app on a fresh machine: a virtualenv (.venv/, created once) with requirements.txt,
# then `streamlit run app.py` on http://127.0.0.1:8501. Extra arguments go to streamlit.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
ensure_venv requirements.txt
exec "$PY" -m streamlit run app.py "$@"
