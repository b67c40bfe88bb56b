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
cd "$(dirname "$0")"
export OMP_NUM_THREADS=1

if [ $# -gt 0 ]; then
  out="$1"
  mkdir -p "$out"
else
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
fi

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
