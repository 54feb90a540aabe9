"""The dossier as Markdown a person can read: findings first, then who said what."""

from __future__ import annotations

import html
import re
from collections import defaultdict

from rashomon.model import Claim, Dossier, Finding
from rashomon.report.aliases import also_written
from rashomon.report.outlets import outlet_labels

STATUS_ORDER = ("asserted", "reported", "claimed", "denied", "hedged")
MAX_ROWS = 200
# Characters that start Markdown syntax able to change what a viewer shows: escapes, code spans, links and images,
# table cells. Raw HTML (< and &) is handled apart, as entities, since a backslash does not stop an HTML tag.
MARKDOWN_ACTIVE = re.compile(r"([\\`\[\]|])")
BACKTICK_RUNS = re.compile(r"`+")


def cell(text: object) -> str:
    """Article-derived text shown as itself in Markdown: one line, no raw HTML, links or cell breaks.

    Markdown viewers render raw HTML, so ``<`` ``>`` ``&`` become entities; the rest of the active characters
    are backslash-escaped (CommonMark shows them literally).
    """
    flat = " ".join(str(text if text is not None else "").split())
    return MARKDOWN_ACTIVE.sub(r"\\\1", html.escape(flat, quote=False))


def code_span(text: object) -> str:
    """Text as one inline code span, fenced by more backticks than it holds in a row (CommonMark's rule) so it cannot close early."""
    flat = " ".join(str(text).split())
    fence = "`" * (max((len(run) for run in BACKTICK_RUNS.findall(flat)), default=0) + 1)
    return f"{fence} {flat} {fence}" if flat.startswith("`") or flat.endswith("`") else f"{fence}{flat}{fence}"


def finding_section(dossier: Dossier, title: str, findings: list[Finding], outlets: dict[str, str]) -> list[str]:
    claims = {c.id: c for c in dossier.claims}
    lines = [f"## {title}", ""]
    if not findings:
        return [*lines, "_None found._", ""]
    for finding in findings:
        plural = "s" if finding.independent_sources != 1 else ""
        lines.append(f"- **{cell(finding.summary)}** ({finding.independent_sources} independent source{plural})")
        if finding.reason:
            lines.append(f"  - why: {cell(finding.reason)}")
        if finding.sides:
            for side in finding.sides:
                where = ", ".join(dict.fromkeys(cell(outlets[a]) for a in side.article_ids))
                lines.append(f"  - side **{cell(side.position)}** — {where}")
                for claim_id in side.claim_ids:
                    claim = claims[claim_id]
                    by = f", by {cell(claim.attributed_name)}" if claim.attributed_name else ""
                    lines.append(f"    - > {cell(claim.text)} ({claim.status}{by}; {cell(outlets[claim.article_id])})")
        else:
            for claim_id in finding.claim_ids[:6]:
                claim = claims[claim_id]
                lines.append(f"  - > {cell(claim.text)} ({cell(outlets[claim.article_id])})")
    return [*lines, ""]


def render_markdown(dossier: Dossier) -> str:
    """Render findings, articles, actors, quotes by speaker, numbers and claims by status."""
    by_kind: dict[str, list[Finding]] = defaultdict(list)
    for finding in dossier.findings:
        by_kind[finding.kind].append(finding)
    lines = [
        "# rashomon dossier",
        "",
        (
            f"{len(dossier.articles)} articles, {len(dossier.actors)} actors, {len(dossier.quotes)} quotes, "
            f"{len(dossier.numbers)} numbers, {len(dossier.claims)} claims. Schema {dossier.schema_version}."
        ),
        "",
    ]
    outlets = outlet_labels(dossier.articles)
    lines += finding_section(dossier, "What the sources agree on", by_kind["corroborated"], outlets)
    lines += finding_section(dossier, "What is disputed", by_kind["disputed"], outlets)
    lines += finding_section(dossier, "What changed between reports", by_kind["evolving"], outlets)
    lines += finding_section(dossier, "What rests on one source", by_kind["single_source"], outlets)

    lines += ["## Articles", "", "| id | outlet | title | published | words |", "|---|---|---|---|---|"]
    for article in dossier.articles:
        lines.append(
            f"| {cell(article.id)} | {cell(outlets[article.id])} | {cell(article.title)} | {cell(article.published)} "
            f"| {article.word_count} |"
        )
    lines.append("")

    lines += ["## Who is who", "", "| actor | type | also written — why | mentions | articles |", "|---|---|---|---|---|"]
    for actor in dossier.actors[:MAX_ROWS]:
        aliases = "; ".join(cell(alias if why is None else f"{alias} — {why}") for alias, why in also_written(actor))
        lines.append(f"| {cell(actor.name)} | {actor.type} | {aliases} | {actor.mentions} | {len(actor.article_ids)} |")
    lines.append("")

    lines += ["## Quotes by speaker", ""]
    by_speaker: dict[str, list] = defaultdict(list)
    for quote in dossier.quotes:
        by_speaker[quote.speaker_name or "(speaker unknown)"].append(quote)
    for speaker, quotes in sorted(by_speaker.items(), key=lambda item: (-len(item[1]), item[0])):
        lines.append(f"### {cell(speaker)}")
        lines.append("")
        for quote in quotes:
            marks = ("“", "”") if quote.direct else ("", "")
            cue = f" — {cell(quote.cue)}" if quote.cue else ""
            lines.append(f"- {marks[0]}{cell(quote.text)}{marks[1]}{cue} ({cell(outlets[quote.article_id])})")
        lines.append("")

    lines += ["## Numbers", "", "| value | unit | counted | qualifier | as written | outlet |", "|---|---|---|---|---|---|"]
    for number in dossier.numbers[:MAX_ROWS]:
        lines.append(
            f"| {number.value:g} | {cell(number.unit)} | {cell(number.counted)} | {cell(number.qualifier)} | {cell(number.text)} "
            f"| {cell(outlets[number.article_id])} |"
        )
    lines.append("")

    lines += ["## Claims by status", ""]
    by_status: dict[str, list[Claim]] = defaultdict(list)
    for claim in dossier.claims:
        by_status[claim.status].append(claim)
    for status in STATUS_ORDER:
        if by_status[status]:
            lines += [f"### {status} ({len(by_status[status])})", ""]
            for claim in by_status[status][:MAX_ROWS]:
                who = f" — {cell(claim.attributed_name)}" if claim.attributed_name else ""
                lines.append(f"- {cell(claim.text)}{who}")
            lines.append("")

    if dossier.diagnostics:
        lines += ["## Diagnostics", ""]
        lines += [f"- {code_span(d.source_path)} ({d.stage}): {cell(d.message)}" for d in dossier.diagnostics]
        lines.append("")
    return "\n".join(lines)
