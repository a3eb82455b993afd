"""Print the README's table of supported sources, generated from the bundled catalogue.

    python scripts/sources_table.py            # print the block, markers included
    python scripts/sources_table.py --write    # rewrite README.md between the markers only
    python scripts/sources_table.py --check    # exit 1 when README.md's table is stale

The README must already hold the two markers ``<!-- sources:start -->`` and
``<!-- sources:end -->``; nothing outside them is ever touched.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from crawler.sources import Source, load_sources  # noqa: E402

START, END = "<!-- sources:start -->", "<!-- sources:end -->"


class MarkersMissing(Exception):
    """The README has no (or broken) sources markers."""


def caveat(source: Source) -> str:
    notes = source.notes
    flags = [
        ("BLOCKED", "often blocked (403)"),
        ("PAYWALL", "paywalled"),
        ("INFERRED only", "all rungs inferred"),
        ("LOW", "low confidence"),
    ]
    labels = [label for word, label in flags if word in notes]
    if source.headlines_on:
        labels.append(f"headlines from Google News (`{source.headlines.query}`)")  # type: ignore[union-attr]
    return ", ".join(labels)


def rungs(source: Source) -> str:
    """The rungs in the order the crawl tries them; an always-on headline rung last."""
    names = [rung for rung, _urls in source.ladder()]
    return ", ".join(names + (["headlines (always)"] if source.always_on_headlines else []))


def table(sources: list[Source]) -> str:
    lines = [
        f"{len(sources)} sources ({sum(s.enabled for s in sources)} enabled), from `crawler/catalogue.toml`; "
        "regenerate with `python scripts/sources_table.py --write`.",
        "",
        "| Source | Site | Lang. | Discovery rungs | Enabled | Caveat |",
        "|---|---|---|---|---|---|",
    ]
    for s in sources:
        host = s.homepage.split("//", 1)[1].rstrip("/")
        lines.append(
            f"| `{s.name}` | [{host}]({s.homepage}) | {s.language} | {rungs(s)} | "
            f"{'yes' if s.enabled else 'no'} | {caveat(s)} |"
        )
    return "\n".join(lines)


def block(sources: list[Source]) -> str:
    return f"{START}\n{table(sources)}\n{END}"


def replace_block(readme: str, new_block: str) -> str:
    start, end = readme.find(START), readme.find(END)
    if start == -1 or end == -1 or end < start:
        raise MarkersMissing(
            f"README has no '{START}' ... '{END}' pair; add both markers where the table goes"
        )
    return readme[:start] + new_block + readme[end + len(END):]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readme", type=Path, default=ROOT / "README.md")
    parser.add_argument("--catalogue", type=Path, default=ROOT / "crawler" / "catalogue.toml")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="rewrite the README between the markers")
    mode.add_argument("--check", action="store_true", help="exit 1 if the README table is stale")
    args = parser.parse_args(argv)

    new_block = block(load_sources(args.catalogue))
    if not (args.write or args.check):
        print(new_block)
        return 0
    try:
        readme = args.readme.read_text(encoding="utf-8")
        updated = replace_block(readme, new_block)
    except (OSError, MarkersMissing) as exc:
        print(f"error: {args.readme}: {exc}", file=sys.stderr)
        return 1
    if args.check:
        if updated != readme:
            print(f"error: {args.readme}: the sources table is stale; run {Path(__file__).name} --write",
                  file=sys.stderr)
            return 1
        return 0
    args.readme.write_text(updated, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
