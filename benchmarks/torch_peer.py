#!/usr/bin/env python3
"""PyTorch peer of `netropy gd bench`: K two-layer ReLU networks trained together by full-batch
gradient descent, batched with `bmm` and differentiated by autograd, at the bench's sizes
(flesch: 50 samples, 27 inputs, 100 hidden units; large: 1000, 50, 1000), on one CPU thread.
Prints one JSON line with the best-of-repeats time per network-step (wall-clock and process CPU).

    python3 benchmarks/torch_peer.py --size flesch --networks 32 --steps 1000 --repeats 5
"""
import argparse
import json
import re

import torch

from numpy_peer import SIZES, best_times, blas_info


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", choices=sorted(SIZES), default="flesch")
    ap.add_argument("--networks", type=int, default=32)
    ap.add_argument("--steps", type=int, default=1000)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--precision", choices=["double", "float"], default="double")
    a = ap.parse_args()
    torch.set_num_threads(1)
    p, din, n = SIZES[a.size]
    k = a.networks
    dt = torch.float64 if a.precision == "double" else torch.float32
    g = torch.Generator().manual_seed(0)
    x = torch.randn(p, din, generator=g, dtype=dt).expand(k, p, din)
    ystar = torch.randn(1, p, 1, generator=g, dtype=dt)
    w0 = torch.randn(k, din, n, generator=g, dtype=dt)
    z0 = 0.01 * torch.randn(k, n, 1, generator=g, dtype=dt)
    lr = 5e-3 / max(1.0, (p * n) ** 0.5)

    def train(steps):
        w = w0.clone().requires_grad_()
        b = torch.full((k, 1, n), 0.1, dtype=dt).requires_grad_()
        z = z0.clone().requires_grad_()
        c = torch.full((k, 1, 1), 0.1, dtype=dt).requires_grad_()
        params = (w, b, z, c)
        for _ in range(steps):
            y = torch.bmm(torch.relu(torch.bmm(x, w) + b), z) + c      # K × P × 1
            loss = 0.5 * ((y - ystar) ** 2).sum()                      # the members' summed losses
            loss.backward()
            with torch.no_grad():
                for q in params:
                    q -= lr * q.grad
                    q.grad = None
        return w

    best_wall, best_cpu = best_times(train, a.steps, a.repeats, k)
    built = re.search(r"BLAS_INFO=([^,]+)", torch.__config__.show())
    print(json.dumps({"engine": "pytorch", "size": a.size, "networks": k, "precision": a.precision,
                      "per_network_step_us": best_wall, "per_network_step_cpu_us": best_cpu,
                      "version": "torch " + torch.__version__, "blas": "%s (built with %s)" % (blas_info(), built.group(1) if built else "?")}))


if __name__ == "__main__":
    main()
