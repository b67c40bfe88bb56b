#!/usr/bin/env python3
"""NumPy peer of `netropy gd bench`: one two-layer ReLU network trained by full-batch gradient
descent with the obvious NumPy loop, at the bench's sizes (flesch: 50 samples, 27 inputs, 100
hidden units; large: 1000, 50, 1000). Prints one JSON line with the best-of-repeats time per
network-step (wall-clock and process CPU) and the BLAS that NumPy runs on.

    python3 benchmarks/numpy_peer.py --size flesch --steps 3000 --repeats 5
"""
import argparse
import json
import time

import numpy as np

SIZES = {"flesch": (50, 27, 100), "large": (1000, 50, 1000)}


def blas_info():
    """BLAS library, version and the CPU kernel it picked (threadpoolctl, when installed)."""
    try:
        from threadpoolctl import threadpool_info
        for lib in threadpool_info():
            if lib.get("user_api") == "blas":
                return "%s %s %s" % (lib.get("internal_api"), lib.get("version"), lib.get("architecture"))
    except ImportError:
        pass
    return "unknown (install threadpoolctl to see it)"


def best_times(train, steps, repeats, networks=1):
    """Warm up for a second (as the Java bench does), then the best of `repeats` timings of
    `train(steps)`: (wall, process CPU) µs per network-step."""
    end = time.perf_counter() + 1.0
    while time.perf_counter() < end:
        train(5)
    best_wall = best_cpu = float("inf")
    for _ in range(repeats):
        c0, t0 = time.process_time(), time.perf_counter()
        train(steps)
        best_wall = min(best_wall, (time.perf_counter() - t0) / steps / networks * 1e6)
        best_cpu = min(best_cpu, (time.process_time() - c0) / steps / networks * 1e6)
    return best_wall, best_cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", choices=sorted(SIZES), default="flesch")
    ap.add_argument("--steps", type=int, default=3000)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--precision", choices=["double", "float"], default="double")
    a = ap.parse_args()
    p, din, n = SIZES[a.size]
    dt = np.float64 if a.precision == "double" else np.float32
    rng = np.random.default_rng(0)
    x = rng.standard_normal((p, din)).astype(dt)
    ystar = rng.standard_normal(p).astype(dt)
    w0 = rng.standard_normal((n, din)).astype(dt)
    z0 = (0.01 * rng.standard_normal(n)).astype(dt)
    lr = dt(5e-3 / max(1.0, np.sqrt(p * n)))

    def train(steps):
        w, b, z, c = w0.copy(), np.full(n, 0.1, dt), z0.copy(), dt(0.1)
        for _ in range(steps):
            h = x @ w.T + b                 # P × N
            a = np.maximum(h, 0)
            e = a @ z + c - ystar           # summed loss ½‖y − y*‖²
            dz = a.T @ e
            dh = (h > 0) * np.outer(e, z)
            dw = dh.T @ x
            w -= lr * dw
            b -= lr * dh.sum(0)
            z -= lr * dz
            c -= lr * e.sum()
        return w

    best_wall, best_cpu = best_times(train, a.steps, a.repeats)
    print(json.dumps({"engine": "numpy", "size": a.size, "networks": 1, "precision": a.precision,
                      "per_network_step_us": best_wall, "per_network_step_cpu_us": best_cpu,
                      "version": "numpy " + np.__version__, "blas": blas_info()}))


if __name__ == "__main__":
    main()
