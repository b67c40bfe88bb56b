#!/usr/bin/env bash
# Execute every notebook in notebooks/ from a clean kernel, as CI does.
#
#   notebooks/run-all.sh            executed copies go to a temporary folder, deleted afterwards
#   notebooks/run-all.sh OUTDIR     keep the executed copies (with their plots) in OUTDIR
#
# The stored notebooks are never modified (they carry no outputs). A failing cell makes
# nbconvert, and so this script, exit non-zero. The kernel is the "python3" kernelspec, which on
# Debian (python3-ipykernel) runs /usr/bin/python3 with python3-pandas and python3-matplotlib.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export OMP_NUM_THREADS=1
export PYTHONDONTWRITEBYTECODE=1   # no __pycache__ next to the helper module
export PYDEVD_DISABLE_FILE_VALIDATION=1   # silence the kernel debugger's start-up notes

if [ $# -gt 0 ]; then
  mkdir -p "$1"
  out="$(cd "$1" && pwd)"
  if [ "$out" = "$here" ]; then
    echo "run-all.sh: OUTDIR must not be notebooks/ itself (the stored notebooks stay free of outputs)" >&2
    exit 2
  fi
else
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
fi
cd "$here"

# Stored notebooks must carry no outputs (outputs belong in the executed copies only).
"${NETROPY_NB_PYTHON:-/usr/bin/python3}" - [0-9][0-9]-*.ipynb <<'PY'
import sys, nbformat
dirty = [f"{path} cell {i}" for path in sys.argv[1:]
         for i, cell in enumerate(nbformat.read(path, as_version=4).cells)
         if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)]
if dirty:
    sys.exit("stored notebooks have outputs (clear them): " + ", ".join(dirty))
PY

# Build the project once before the notebooks call bin/netropy.
../bin/netropy --version >/dev/null

start=$SECONDS
for notebook in [0-9][0-9]-*.ipynb; do
  t0=$SECONDS
  echo "== $notebook"
  jupyter nbconvert --to notebook --execute \
    --ExecutePreprocessor.kernel_name=python3 \
    --ExecutePreprocessor.timeout=600 \
    --output-dir "$out" "$notebook"
  echo "   $notebook: $((SECONDS - t0)) s"
done
echo "all notebooks executed in $((SECONDS - start)) s"
