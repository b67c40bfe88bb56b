"""Small helpers for the Netropy notebooks: call ``bin/netropy`` and read its tidy tables.

Every number shown in the notebooks is computed by the Netropy command line; this module only
runs commands, reads their CSV/JSON output with pandas and draws the tidy tables with
matplotlib (means with their 95% confidence intervals, as ``bin/netropy figures`` does).
"""
import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parent.parent
NETROPY = REPO / "bin" / "netropy"

_TEMP_DIRS = []


def temp_dir(prefix="netropy-nb-"):
    """A fresh temporary folder, removed when the kernel exits (outputs never land in the repo)."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    _TEMP_DIRS.append(path)
    return path


@atexit.register
def cleanup():
    """Remove every folder made by temp_dir (also called explicitly at the end of a notebook)."""
    while _TEMP_DIRS:
        shutil.rmtree(_TEMP_DIRS.pop(), ignore_errors=True)


def environment():
    """The interpreter and library versions the notebook runs with (printed in the first cell)."""
    import matplotlib
    return {"python": sys.executable, "version": sys.version.split()[0],
            "pandas": pd.__version__, "matplotlib": matplotlib.__version__,
            "netropy": netropy("--version").strip()}


def netropy(*args, echo=False):
    """Run ``bin/netropy ARGS`` from the repository root and return its standard output.

    Raises RuntimeError with the command's error message if it exits non-zero, so a failing
    command fails the notebook cell.
    """
    cmd = [str(NETROPY)] + [str(a) for a in args]
    env = dict(os.environ, OMP_NUM_THREADS="1")
    if echo:
        print("$ bin/netropy " + " ".join(str(a) for a in args))
    done = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"bin/netropy {' '.join(cmd[1:])} exited with {done.returncode}:\n"
                           f"{done.stderr.strip()}")
    return done.stdout


def netropy_json(*args):
    """Run a command that prints JSON (``--format json``) and parse it."""
    return json.loads(netropy(*args))


def run_experiment(name, results, variant="quick"):
    """Run a spec of ``experiments/`` into RESULTS, aggregate it and return its tidy table.

    Equivalent to ``bin/netropy run experiments/NAME.yaml --variant V --results DIR`` followed by
    ``bin/netropy table NAME --variant V --results DIR``; VARIANT None runs the full sweep. Runs
    already complete in RESULTS are reused, not redone.
    """
    variant_args = ["--variant", variant] if variant else []
    print(netropy("run", f"experiments/{name}.yaml", *variant_args,
                  "--results", results, "--no-progress").strip().splitlines()[-1])
    print(netropy("table", name, *variant_args, "--results", results).strip())
    return read_table(name, results, variant)


def read_table(name, results, variant="quick"):
    """The tidy table ``RESULTS/tables/NAME.VARIANT.csv`` written by ``bin/netropy table``."""
    suffix = f".{variant}" if variant else ""
    return pd.read_csv(Path(results) / "tables" / f"{name}{suffix}.csv")


def measure(table, name, **where):
    """Rows of one measure, optionally restricted to columns equal to given values."""
    rows = table[table["measure"] == name]
    for column, value in where.items():
        rows = rows[rows[column] == value]
    return rows


def plot_measure(ax, table, x, y, series=None, where=None, reference=None, label=None,
                 reference_label=None, logx=False, logy=False, fmt="o-", **style):
    """Plot the mean of measure Y against column X, one line per value of SERIES.

    Error bars are the table's 95% confidence interval of the mean over seeds (absent with one
    seed). REFERENCE, a second measure (e.g. a theoretical limit), is drawn dashed in the same
    colour, with one legend entry REFERENCE_LABEL (default: the measure's name).
    """
    where = where or {}
    rows = measure(table, y, **where)
    groups = rows.groupby(series) if series else [(None, rows)]
    for key, group in groups:
        group = group.sort_values(x)
        name = label or y
        if series:
            name = f"{series} = {key}" if label is None else f"{label}, {series} = {key}"
        err = None
        if group["ci95_low"].notna().any():
            err = [group["mean"] - group["ci95_low"], group["ci95_high"] - group["mean"]]
        line = ax.errorbar(group[x], group["mean"], yerr=err, fmt=fmt, capsize=3, label=name,
                           **style)
        if reference:
            ref = measure(table, reference, **where)
            if series:
                ref = ref[ref[series] == key]
            ref = ref.sort_values(x)
            ax.plot(ref[x], ref["mean"], "--", color=line[0].get_color())
    if reference:
        ax.plot([], [], "--", color="grey", label=reference_label or reference)
    if logx:
        ax.set_xscale("log")
        values = sorted(rows[x].unique())
        if len(values) <= 12 and all(float(v).is_integer() for v in values):
            # integer axes (N, C): label the points themselves, not powers of ten
            from matplotlib.ticker import NullFormatter, ScalarFormatter
            ax.set_xticks(values)
            ax.xaxis.set_major_formatter(ScalarFormatter())
            ax.xaxis.set_minor_formatter(NullFormatter())
    if logy:
        ax.set_yscale("log")
    ax.set_xlabel(x)
    ax.set_ylabel(y)
    return ax
