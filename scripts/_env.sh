# Sourced by the other scripts: finds the project root and makes sure .venv holds the project
# with the extras the script needs (PYCRUCIBLE_EXTRAS, default "dev,all"), reinstalling only when
# pyproject.toml changed. A venv set up with every extra serves every script.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${PYCRUCIBLE_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"
EXTRAS="${PYCRUCIBLE_EXTRAS:-dev,all}"

if [ ! -x "$VENV/bin/python" ]; then
  echo "creating $VENV" >&2
  "$PYTHON" -m venv "$VENV"
fi
want="$("$VENV/bin/python" -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest())' "$ROOT/pyproject.toml")"
installed() { [ "$(cat "$VENV/.pycrucible-stamp-$1" 2>/dev/null || true)" = "$want" ]; }
# PYCRUCIBLE_SKIP_INSTALL=1 uses the environment as it is (tests that copy the tree set it).
if [ "${PYCRUCIBLE_SKIP_INSTALL:-0}" != "1" ] && ! installed "$EXTRAS" && ! installed "dev,all"; then
  echo "installing pycrucible with its [$EXTRAS] extras into $VENV (a minute or two the first time)" >&2
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
  # One line per package, so a first install shows that it is moving.
  "$VENV/bin/python" -m pip install --disable-pip-version-check -e "$ROOT[$EXTRAS]" 2>&1 \
    | { grep -E '^(Collecting|Successfully installed|ERROR)' || true; } \
    | sed -e 's/^Collecting /  getting /' -e 's/^Successfully installed .*/  installed/' >&2
  echo "$want" > "$VENV/.pycrucible-stamp-$EXTRAS"
fi
export PATH="$VENV/bin:$PATH"
cd "$ROOT"
