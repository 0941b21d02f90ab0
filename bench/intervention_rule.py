"""Benchmark: the platform's decision rule across many simulated randomised studies.

Prints, for studies of the demo's size (two arms of 184 randomised workers, about 30% of the
primary outcomes missing at random given baseline):

1. the false-scale rate: how often "scale" is recommended when the true effect is zero (the
   rule allows at most 5%; by construction it is about 2.5%, one side of a 95% interval);
2. the detection rate at the demo's effect size: how often "scale" is recommended when the
   effect is what the demo's population puts into wave-3 resilience (estimated here from a
   large draw of the demo's own simulation, in outcome standard deviations).

Run: .venv/bin/python bench/intervention_rule.py [--studies 1000]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from craftwave.analysis.intervention.decision import LABELS, simulate_rule

N_PER_ARM = 184
DROPOUT = 0.30


def demo_effect_sd(rng: np.random.Generator, n: int = 20_000) -> float:
    """The demo population's wave-3 resilience difference (forum arm minus control), in SD."""
    from craftwave.demo.fieldwork import simulate_panel
    from craftwave.demo.options import DemoOptions
    from craftwave.instruments import load_library, load_study

    root = Path(__file__).resolve().parents[1]
    study = load_study(root / "data" / "demo" / "study.yaml", library=load_library())
    sim = simulate_panel(DemoOptions(participants=n, careless=0.0), study, n, rng)
    lat = sim.latent.assign(arm=sim.wide["arm"].to_numpy())
    y = lat["resil_w3"]
    keep = y.notna()
    diff = (y[keep & (lat["arm"] != "control")].mean() - y[keep & (lat["arm"] == "control")].mean())
    return float(diff / y[keep].std())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--studies", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20261204)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    effect = demo_effect_sd(rng)
    print(f"demo effect size (wave-3 resilience, forum arm minus control): {effect:.3f} SD")
    for name, eff in (("true effect 0", 0.0), (f"demo effect {effect:.2f} SD", effect)):
        t0 = time.perf_counter()
        rates = simulate_rule(eff, n_per_arm=N_PER_ARM, n_studies=args.studies, rng=rng,
                              dropout=DROPOUT)
        took = time.perf_counter() - t0
        shares = ", ".join(f"{LABELS[k]} {v:.1%}" for k, v in rates.items())
        print(f"{name}: {args.studies} studies in {took:.0f} s: {shares}")
        if eff == 0.0:
            se = np.sqrt(rates['scale'] * (1 - rates['scale']) / args.studies)
            print(f"  false-scale rate {rates['scale']:.1%} (+/- {1.96 * se:.1%}); the rule "
                  f"allows at most 5%")
        else:
            print(f"  detection rate (recommends scaling) {rates['scale']:.1%}")


if __name__ == "__main__":
    main()
