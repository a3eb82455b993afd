"""Speed of the analysis: import time, the fast relevance pass, and the full analysis.

Usage: python bench/bench_analysis.py [--repeat N]
Budgets: fast pass <= 2 ms median on an off-topic article; full analysis <= 50 ms on a relevant one.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OFF_TOPIC_TITLE = "Retraites : un premier épuisement des réserves dès 2030 pour les régimes publics"
OFF_TOPIC = (
    "Les régimes de retraite publics affichent des déficits techniques persistants, alors que les régimes "
    "privés dégagent des excédents. En 2024, les régimes ont enregistré un solde global excédentaire de 9,5 "
    "milliards de dirhams, en hausse par rapport aux 6,59 milliards constatés en 2023. Cette performance "
    "résulte principalement de la vigueur des produits financiers, liés à une exposition de plus de 80% des "
    "placements en valeurs mobilières. Une réforme systémique devient impérative. ") * 4


def _seed_text() -> tuple[str | None, str]:
    seeds = sorted((ROOT.parent / "shared" / "seeds").glob("003_*.txt"))
    if seeds:
        return None, seeds[0].read_text("utf-8")
    from devkit.evaluation import load_examples

    row = next(r for r in load_examples(ROOT / "tests/data/analysis_devset.jsonl") if r["announcement"])
    return row["title"], row["text"]


def _median_ms(fn, repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    code = "import time; t=time.perf_counter(); import analysis; print((time.perf_counter()-t)*1000)"
    import_ms = float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                     check=True, cwd=ROOT).stdout)
    from analysis import analyze, is_relevant_fast

    title, relevant_text = _seed_text()
    start = time.perf_counter()
    analyze(title=title, text=relevant_text)
    first_ms = (time.perf_counter() - start) * 1000
    fast = _median_ms(lambda: is_relevant_fast(OFF_TOPIC_TITLE, OFF_TOPIC), args.repeat)
    fast_rel = _median_ms(lambda: is_relevant_fast(title, relevant_text), args.repeat)
    from analysis.companies import _pattern_companies_cached

    def cold_analyze() -> None:
        _pattern_companies_cached.cache_clear()  # measure a new article, not a repeat
        analyze(title=title, text=relevant_text)

    full = _median_ms(cold_analyze, max(20, args.repeat // 4))
    print(f"import analysis:                      {import_ms:8.2f} ms")
    print(f"first analyze (loads data, compiles): {first_ms:8.2f} ms")
    print(f"fast pass, off-topic (median):        {fast:8.3f} ms   budget 2 ms  {'OK' if fast <= 2 else 'OVER'}")
    print(f"fast pass, relevant (median):         {fast_rel:8.3f} ms")
    print(f"full analysis, relevant (median):     {full:8.3f} ms   budget 50 ms {'OK' if full <= 50 else 'OVER'}")


if __name__ == "__main__":
    main()
