# Sourced by the other scripts: finds the project root and makes sure .venv holds
# the project with every extra, reinstalling only when pyproject.toml changed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${PYCRUCIBLE_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"

if [ ! -x "$VENV/bin/python" ]; then
  echo "creating $VENV" >&2
  "$PYTHON" -m venv "$VENV"
fi
stamp="$VENV/.pycrucible-stamp"
want="$("$VENV/bin/python" -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest())' "$ROOT/pyproject.toml")"
# PYCRUCIBLE_SKIP_INSTALL=1 uses the environment as it is (tests that copy the tree set it).
if [ "${PYCRUCIBLE_SKIP_INSTALL:-0}" != "1" ] && [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
  echo "installing the project and its tools into $VENV" >&2
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$ROOT[dev,all]"
  echo "$want" > "$stamp"
fi
export PATH="$VENV/bin:$PATH"
cd "$ROOT"
