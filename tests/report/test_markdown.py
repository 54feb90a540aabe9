from rashomon.model import Actor, Article, Claim, Dossier, Finding, FindingSide, MergeReason, Quote
from rashomon.report import render


def test_markdown_sections_and_escaping():
    article = Article(id="a1", source_path="x.txt", outlet="Gazette | Daily", title="Bridge closes", text="Bridge closes.")
    dossier = Dossier(
        articles=[article],
        actors=[Actor(id="person:ann-lee", name="Ann Lee", type="PERSON", aliases=["Ann Lee", "Lee"], mentions=2, article_ids=["a1"])],
        quotes=[
            Quote(
                id="a1:q1",
                article_id="a1",
                text="It is unsafe",
                speaker_id="person:ann-lee",
                speaker_name="Ann Lee",
                cue="said",
                direct=True,
                start_char=0,
                end_char=5,
            )
        ],
        claims=[
            Claim(
                id="a1:c1",
                article_id="a1",
                text="Lee said the bridge is unsafe.",
                status="reported",
                attributed_name="Ann Lee",
                start_char=0,
                end_char=5,
            )
        ],
    )
    markdown = render(dossier, "md")
    for heading in (
        "## What the sources agree on",
        "## What is disputed",
        "## What rests on one source",
        "## Who is who",
        "## Quotes by speaker",
        "## Numbers",
        "## Claims by status",
    ):
        assert heading in markdown
    assert "Gazette \\| Daily" in markdown
    assert "| Ann Lee | PERSON | Lee | 2 | 1 |" in markdown
    assert "### Ann Lee" in markdown and "“It is unsafe” — said (Gazette \\| Daily)" in markdown
    assert "### reported (1)" in markdown


def test_markdown_shows_evolving_figures_in_order():
    articles = [Article(id=i, source_path=f"{i}.txt", outlet=o, text="x") for i, o in (("a1", "Early Wire"), ("a2", "Late Post"))]
    claims = [
        Claim(id="a1:c1", article_id="a1", text="Police said 9 were arrested.", status="reported", start_char=0, end_char=5),
        Claim(id="a2:c1", article_id="a2", text="Arrests rose to 14.", status="asserted", start_char=0, end_char=5),
    ]
    sides = [
        FindingSide(position="9 arrested", claim_ids=["a1:c1"], article_ids=["a1"], outlets=["Early Wire"], statuses=["reported"]),
        FindingSide(position="14 arrested", claim_ids=["a2:c1"], article_ids=["a2"], outlets=["Late Post"], statuses=["asserted"]),
    ]
    update = Finding(
        id="f1", kind="evolving", summary="The figure changed: 9 → 14", claim_ids=["a1:c1", "a2:c1"], independent_sources=2, sides=sides
    )
    markdown = render(Dossier(articles=articles, claims=claims, findings=[update]), "md")
    section = markdown.split("## What changed between reports", 1)[1].split("\n## ", 1)[0]
    assert "The figure changed: 9 → 14" in section
    assert section.index("9 arrested") < section.index("14 arrested")


def rendered_html(markdown: str) -> str:
    """The Markdown as a CommonMark viewer shows it (raw HTML passes through, as in most viewers)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").render(markdown)


def test_markdown_escapes_html_and_links_from_articles(hostile_dossier):
    markdown = render(hostile_dossier, "md")
    shown = rendered_html(markdown)
    assert "<script" not in shown and "<img" not in shown and "<a href" not in shown
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in shown
    # the hostile article is still reported in full next to the plain one
    assert len(hostile_dossier.articles) == 2 and "Northern Ledger" in markdown


def test_markdown_text_cannot_open_links_code_or_cells():
    article = Article(id="a/1", source_path="x.txt", outlet="[click](javascript:alert(1)) | `x`", title="Tom & Jerry <b>", text="x")
    dossier = Dossier(articles=[article], diagnostics=[{"source_path": "odd`` name.txt", "stage": "ingest", "message": "empty"}])
    shown = rendered_html(render(dossier, "md"))
    assert "<a href" not in shown and "<b>" not in shown
    assert "[click](javascript:alert(1)) | <code>" not in shown
    assert "<td>[click](javascript:alert(1)) | `x`</td>" in shown
    assert "<td>Tom &amp; Jerry &lt;b&gt;</td>" in shown
    assert "<code>odd`` name.txt</code> (ingest): empty" in shown


def test_markdown_plain_text_reads_unchanged():
    article = Article(id="a1", source_path="x.txt", outlet="Valley Courier", title="Forty homes lost, mayor says", text="x")
    markdown = render(Dossier(articles=[article]), "md")
    assert "| a1 | Valley Courier | Forty homes lost, mayor says |" in markdown
    assert "<td>Forty homes lost, mayor says</td>" in rendered_html(markdown)


def dossier_with_merges() -> Dossier:
    """One actor with a reason for two aliases (one joined to another alias) and none for a third, as in an older dossier."""
    merges = [
        MergeReason(alias="Lee", joined_to="Ann Lee", rule="surname_in_article", reason="surname alone, in an article naming her"),
        MergeReason(alias="Anne Lee", joined_to="Ann Lee", rule="full_name_variant", reason="same surname, given name a near spelling"),
        MergeReason(alias="ANNE LEE", joined_to="Anne Lee", rule="same_name", reason="the same name in other capitals"),
    ]
    actor = Actor(
        id="person:ann-lee",
        name="Ann Lee",
        type="PERSON",
        aliases=["Ann Lee", "Lee", "Anne Lee", "ANNE LEE", "the engineer"],
        mentions=5,
        article_ids=["a1"],
        merges=merges,
    )
    return Dossier(articles=[Article(id="a1", source_path="x.txt", text="Ann Lee.")], actors=[actor])


def test_who_is_who_gives_each_alias_with_why_it_joined():
    markdown = render(dossier_with_merges(), "md")
    assert "| actor | type | also written — why | mentions | articles |" in markdown
    row = next(line for line in markdown.splitlines() if line.startswith("| Ann Lee |"))
    assert row == (
        "| Ann Lee | PERSON | Lee — surname alone, in an article naming her; Anne Lee — same surname, given name a near spelling; "
        "ANNE LEE — the same name in other capitals (joined to Anne Lee); the engineer | 5 | 1 |"
    )


def test_html_who_is_who_gives_each_alias_with_why_it_joined():
    html = render(dossier_with_merges(), "html")
    row = html[html.index('<tr id="actor-person:ann-lee">') :]
    row = row[: row.index("</tr>")]
    assert '<div>Lee <span class="meta">— surname alone, in an article naming her</span></div>' in row
    assert '<div>ANNE LEE <span class="meta">— the same name in other capitals (joined to Anne Lee)</span></div>' in row
    assert "<div>the engineer</div>" in row and "<div>Ann Lee" not in row
