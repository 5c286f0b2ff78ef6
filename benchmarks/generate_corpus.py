"""Write a synthetic market-research corpus: N documents, about 10 KB each.

About ten documents per market. Each market has one underlying trajectory (a base-year
size and a growth rate) that most documents report with rounding and their own base
year, forecast year and CAGR period; some markets go by near-miss names ("Smart Grid
Sensors" and "Smart-Grid Sensor"); documents give regional values and shares, segment
shares and company revenues, and a few state a genuine contradiction (a CAGR their own
figures do not imply, regional shares over 100%, a size far from everyone else's).
About one document in six is HTML and one in six Markdown. Everything follows from
``--seed``: the same arguments write the same bytes.

    python benchmarks/generate_corpus.py 1000 /tmp/corpus-1000 [--seed 7]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

ADJECTIVES = ["Smart", "Industrial", "Digital", "Autonomous", "Sustainable", "Connected", "Advanced", "Modular",
              "Precision", "Cloud", "Wearable", "Renewable", "Portable", "Robotic", "Biodegradable", "Hybrid",
              "Quantum", "Edge", "Medical", "Agricultural", "Marine", "Aerospace", "Residential", "Commercial"]
NOUNS = ["Grid Sensor", "Battery Storage", "Water Treatment", "Drone Delivery", "Cold Chain Logistics",
         "Packaging Film", "Cybersecurity", "Payment Terminal", "Heat Pump", "Solar Inverter", "LiDAR",
         "Fleet Telematics", "Insulin Pump", "Gene Therapy", "Pet Food", "Plant-Based Protein", "Coffee Capsule",
         "EV Charging", "Hydrogen Electrolyzer", "3D Printing", "Data Center Cooling", "Oral Care",
         "Vertical Farming", "Smart Lock", "Infusion Pump", "Wind Turbine Blade", "Carbon Capture",
         "Semiconductor Packaging", "Baby Food", "Tea Extract", "Sports Nutrition", "Hearing Aid"]
REGIONS = ["North America", "Europe", "Asia Pacific", "Latin America", "Middle East & Africa"]
REGION_SHARE = [0.36, 0.27, 0.24, 0.08, 0.05]
SEGMENTS = ["hardware", "software", "services"]
PUBLISHERS = ["Apex Market Insights", "Northbridge Research", "Meridian Analytics", "Blue Harbor Reports",
              "Granite Data Partners", "Silverline Intelligence", "Orion Industry Watch", "Keystone Forecasts"]
COMPANIES = ["Altera Dynamics", "Borealis Group", "Cobalt Systems", "Delphine Corp", "Everline Holdings",
             "Fathom Technologies", "Gryphon Industries", "Helix Partners", "Ionic Solutions", "Juniper Works"]
FILLER = [
    "Demand is shaped by regulation, procurement cycles and the pace at which buyers replace installed equipment.",
    "Vendors are consolidating, and several mid-sized suppliers were acquired by larger groups during the period.",
    "Buyers increasingly ask for bundled offerings that combine equipment, software and long-term service contracts.",
    "Supply chains remain exposed to shortages of components and to freight costs, which weigh on margins.",
    "Public funding programmes and tax incentives continue to support early adoption in several countries.",
    "Interviews with distributors suggest that lead times have shortened and inventories have normalised.",
    "Pricing pressure from new entrants is strongest in the entry-level tier, where products are least differentiated.",
    "Large customers run pilots before committing to multi-year rollouts, which lengthens the sales cycle.",
    "The competitive landscape remains fragmented, with regional specialists holding strong positions at home.",
    "Standards bodies are working on interoperability, which should lower integration costs for end users.",
    "Research and development spending is concentrated among the top five vendors, who file most new patents.",
    "Skills shortages among installers and technicians are cited as a constraint on faster deployment.",
    "Sustainability targets set by large buyers are pushing suppliers to disclose lifecycle emissions.",
    "Aftermarket services and spare parts provide a steadier stream of revenue than new unit sales.",
    "Currency movements affected reported figures for exporters, although underlying volumes held up.",
    "Online channels gained ground, particularly for replacement purchases by small and medium-sized firms.",
]
HEADINGS = ["Market Overview", "Key Drivers", "Restraints and Challenges", "Regional Analysis", "Segment Analysis",
            "Competitive Landscape", "Recent Developments", "Outlook", "Methodology"]


def market_names(count: int, rng: random.Random) -> list[tuple[str, str]]:
    """``count`` market names, each with the market it is: about one in five is a near-miss
    of the previous one (a spelling of the same market, or another market)."""
    names: list[tuple[str, str]] = []
    pairs = [(a, n) for a in ADJECTIVES for n in NOUNS]
    rng.shuffle(pairs)
    more = [(f"{b} {a}", n) for b in ADJECTIVES[::-1] for a, n in pairs if a != b]  # no digits in a name
    i = 0
    while len(names) < count:
        adjective, noun = pairs[i] if i < len(pairs) else more[i - len(pairs)]
        base = f"{adjective} {noun}"
        names.append((base, base))
        i += 1
        if len(names) < count and rng.random() < 0.2:
            names.append(near_miss(base, rng))
    return names


def near_miss(name: str, rng: random.Random) -> tuple[str, str]:
    """A name that differs by a hyphen or a plural (the same market) or by a word (another)."""
    choice = rng.randrange(3)
    if choice == 0:
        return name.replace(" ", "-", 1), name
    if choice == 1:
        return (name + "s" if not name.endswith("s") else name[:-1]), name
    return name + " Equipment", name + " Equipment"


def money(value: float, rng: random.Random) -> str:
    """A figure as reports write it: USD 12.4 billion, $850 million, US$ 1.2 bn."""
    if value >= 1e9:
        number, word = value / 1e9, rng.choice(["billion", "billion", "bn", "Billion"])
    else:
        number, word = value / 1e6, rng.choice(["million", "million", "Million", "mn"])
    text = f"{number:,.2f}" if rng.random() < 0.6 else f"{number:,.1f}"
    return rng.choice([f"USD {text} {word}", f"${text} {word}", f"US$ {text} {word}"])


def cagr(start: float, end: float, years: int) -> float:
    return ((end / start) ** (1 / years) - 1) * 100


def market_truth(rng: random.Random) -> dict:
    """What every honest document about one market agrees on."""
    shares = [s * (1 + rng.uniform(-0.1, 0.1)) for s in REGION_SHARE]
    segments = [rng.uniform(0.2, 0.5) for _ in SEGMENTS]
    return {"size": 10 ** rng.uniform(8.5, 11.5), "rate": rng.uniform(0.03, 0.18),
            "shares": [s / sum(shares) for s in shares],
            "region_rates": [rng.uniform(-0.015, 0.025) for _ in REGIONS],
            "segments": [s / sum(segments) for s in segments]}


def company_truth(rng: random.Random) -> dict:
    return {c: {"revenue": rng.uniform(0.3, 40) * 1e9, "growth": rng.uniform(0.02, 0.15)} for c in COMPANIES}


def document(market: str, truth: dict, companies: dict, rng: random.Random, *,
             contradict: str | None) -> tuple[str, list[str]]:
    """A document's title and paragraphs (one sentence per figure, filler between)."""
    base_year = rng.choice([2022, 2023, 2023, 2024, 2024])
    end_year = rng.choice([2030, 2030, 2032, 2033, 2034])
    size0 = truth["size"] * (1 + truth["rate"]) ** (base_year - 2023)
    years = end_year - base_year
    size1 = size0 * (1 + truth["rate"]) ** years
    rate = cagr(size0, size1, years)
    if contradict == "arithmetic":
        rate += rng.choice([-1, 1]) * rng.uniform(3, 6)
    if contradict == "outlier":
        size0 *= rng.choice([0.2, 4.0])
    lower = market.lower()
    title = rng.choice([f"{market} Market Report {base_year}–{end_year}", f"Global {market} Market Outlook",
                        f"{market} Market Size, Share and Forecast to {end_year}", f"The {market} Market in Focus"])
    paras = [
        f"The global {lower} market was valued at {money(size0, rng)} in {base_year} and is projected to reach "
        f"{money(size1, rng)} by {end_year}, growing at a CAGR of {rate:.1f}% from {base_year + 1} to {end_year}.",
    ]
    paras += rng.sample(FILLER, 3)
    shares = truth["shares"] if contradict != "shares" else [s * 1.35 for s in truth["shares"]]
    for region, share, extra in zip(REGIONS, shares, truth["region_rates"]):
        kind = rng.random()
        if kind < 0.45:
            paras.append(f"{region} accounted for {share * 100:.1f}% of the {lower} market in {base_year}. "
                         + rng.choice(FILLER))
        elif kind < 0.8:
            paras.append(f"The {lower} market in {region} was valued at {money(size0 * share, rng)} in {base_year}. "
                         + rng.choice(FILLER))
        else:
            paras.append(f"In {region}, the {lower} market is expected to grow at a CAGR of "
                         f"{truth['rate'] * 100 + extra * 100:.1f}% over the forecast period.")
    paras += rng.sample(FILLER, 3)
    for name, share in zip(SEGMENTS, truth["segments"]):
        if rng.random() < 0.6:
            paras.append(f"By component, the {name} segment held a {share * 100:.1f}% share of the {lower} market.")
    for company in rng.sample(COMPANIES, 3):
        c = companies[company]
        paras.append(f"{company} reported revenue of {money(c['revenue'], rng)} in 2023, up "
                     f"{c['growth'] * 100:.1f}% on the previous year. " + rng.choice(FILLER))
    paras += rng.sample(FILLER, 4)
    if rng.random() < 0.5:
        mid = rng.randint(base_year + 2, end_year - 1)
        paras.append(f"By {mid}, the market is expected to be worth about "
                     f"{money(size0 * (1 + rate / 100) ** (mid - base_year), rng)}.")
    while sum(len(p) for p in paras) < 8800:
        paras.append(" ".join(rng.sample(FILLER, 4)))
    return title, paras


def render(title: str, paras: list[str], fmt: str, rng: random.Random) -> str:
    headings = iter(HEADINGS)
    if fmt == "html":
        body = [f"<h1>{title}</h1>"]
        for i, p in enumerate(paras):
            if i and i % 5 == 0:
                body.append(f"<h2>{next(headings, 'Notes')}</h2>")
            body.append(f"<p>{p}</p>")
        return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>\n"
                + "\n".join(body) + "\n</body></html>\n")
    lines = [f"# {title}" if fmt == "md" else title, ""]
    for i, p in enumerate(paras):
        if i and i % 5 == 0:
            heading = next(headings, "Notes")
            lines += [f"## {heading}" if fmt == "md" else heading, ""]
        lines += [p, ""]
    return "\n".join(lines)


def generate(count: int, out: Path, *, seed: int = 7, per_market: int = 10) -> list[Path]:
    """Write ``count`` documents and a ``metadata.toml`` into ``out``; the paths written."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    markets = market_names(max(1, round(count / per_market)), rng)
    truths = {market: market_truth(rng) for _, market in markets}
    companies = company_truth(rng)
    broken = {name: rng.choice(["arithmetic", "outlier", "shares"]) for name, _ in markets if rng.random() < 0.15}
    written, meta = [], ["# Synthetic corpus from benchmarks/generate_corpus.py", ""]
    for i in range(count):
        market, same_as = markets[i % len(markets)]
        contradict = broken.get(market) if i // len(markets) == 0 else None  # one document per broken market
        title, paras = document(market, truths[same_as], companies, rng, contradict=contradict)
        roll = rng.random()
        fmt = "html" if roll < 0.17 else "md" if roll < 0.34 else "txt"
        path = out / f"{i:05d}_{market.lower().replace(' ', '_').replace('&', 'and')}.{fmt}"
        path.write_text(render(title, paras, fmt, rng), encoding="utf-8")
        meta += [f'[documents."{path.name}"]', f'publisher = "{rng.choice(PUBLISHERS)}"', ""]
        written.append(path)
    (out / "metadata.toml").write_text("\n".join(meta), encoding="utf-8")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="documents to write")
    parser.add_argument("out", type=Path, help="folder to write them to")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-market", type=int, default=10, help="documents per market (about)")
    args = parser.parse_args()
    paths = generate(args.count, args.out, seed=args.seed, per_market=args.per_market)
    total = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} documents, {total / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
