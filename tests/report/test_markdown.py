from rashomon.model import Actor, Article, Claim, Dossier, Quote


def test_markdown_sections_and_escaping():
    article = Article(id="a1", source_path="x.txt", outlet="Gazette | Daily", title="Bridge closes", text="Bridge closes.")
    dossier = Dossier(
        articles=[article],
        actors=[Actor(id="person:ann-lee", name="Ann Lee", type="PERSON", aliases=["Ann Lee", "Lee"], mentions=2, article_ids=["a1"])],
        quotes=[Quote(id="a1:q1", article_id="a1", text="It is unsafe", speaker_id="person:ann-lee", speaker_name="Ann Lee", cue="said", direct=True, start_char=0, end_char=5)],
        claims=[Claim(id="a1:c1", article_id="a1", text="Lee said the bridge is unsafe.", status="reported", attributed_name="Ann Lee", start_char=0, end_char=5)],
    )
    markdown = dossier.to_markdown()
    for heading in ("## What the sources agree on", "## What is disputed", "## What rests on one source", "## Who is who", "## Quotes by speaker", "## Numbers", "## Claims by status"):
        assert heading in markdown
    assert "Gazette \\| Daily" in markdown
    assert "| Ann Lee | PERSON | Lee | 2 | 1 |" in markdown
    assert "### Ann Lee" in markdown and "“It is unsafe” — said (Gazette \\| Daily)" in markdown
    assert "### reported (1)" in markdown
