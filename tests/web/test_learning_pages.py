"""The learning pages as people use them: the search box on every page, results marked and
escaped, a recommendation with those like it, tagging themes, and recurring learning."""

from __future__ import annotations

import re
from datetime import date

import pytest
from scenes import text_of

from actionplan.learning import neighbours
from actionplan.plans.models import Review, Theme
from factories import ActionFactory, PlanFactory, RecommendationFactory, implemented_on

pytestmark = pytest.mark.django_db

GP = "GPs should attend child protection conferences and send reports."


@pytest.fixture
def two_reviews(partnership):
    recs = []
    for code, reported, text in [
        ("Child A", date(2014, 5, 1), GP),
        ("Child B", date(2023, 2, 1), "GP attendance at child protection conferences."),
    ]:
        review = Review.objects.create(partnership=partnership, code=code, reported_on=reported)
        plan = PlanFactory(partnership=partnership, title=f"{code} plan")
        rec = RecommendationFactory(plan=plan, ref="1", text=text)
        rec.reviews.add(review)
        recs.append(rec)
    implemented_on(ActionFactory(recommendation=recs[0], text="Letter to practices."), date(2015, 1, 1))
    return recs


def test_every_page_has_the_search_box(client, alice, two_reviews):
    client.force_login(alice)
    for path in ["/", "/plans/", "/reviews/", "/learning/"]:
        page = client.get(path).content.decode()
        assert 'action="/search/"' in page and 'name="q"' in page, path


def test_search_marks_the_words_and_escapes_the_document(client, dave, partnership):
    RecommendationFactory(plan__partnership=partnership, text='<img src=x onerror="alert(1)"> neglect audit')
    client.force_login(dave)
    page = client.get("/search/", {"q": "neglect"}).content.decode()
    assert "<mark>neglect</mark>" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=" in page
    assert "1 result for" in page


def test_search_results_beyond_a_page_are_paged(client, dave, partnership):
    plan = PlanFactory(partnership=partnership, title="Large plan")
    for n in range(120):
        RecommendationFactory(plan=plan, ref=f"R{n}", text=f"Hoarding audit number {n}.")
    client.force_login(dave)
    first = text_of(client.get("/search/", {"q": "hoarding"}))
    assert "120 results for ‘hoarding’, showing 1 to 50" in first
    third = client.get("/search/", {"q": "hoarding", "page": "3"}).content.decode()
    assert "showing 101 to 120" in third and third.count("<mark>") == 20
    refs = set()
    for page in (1, 2, 3):
        html = client.get("/search/", {"q": "hoarding", "page": page}).content.decode()
        refs |= {n for n in range(120) if f"Large plan, R{n}<" in html}
    assert refs == set(range(120))  # every hit on one page or another, none twice or lost
    assert 'href="?q=hoarding&amp;page=2"' in client.get("/search/", {"q": "hoarding"}).content.decode()
    # A page past the end shows the last; nonsense shows the first.
    assert "showing 101 to 120" in text_of(client.get("/search/", {"q": "hoarding", "page": "99"}))
    assert "showing 1 to 50" in text_of(client.get("/search/", {"q": "hoarding", "page": "x"}))


def test_search_filters_by_year(client, dave, two_reviews):
    client.force_login(dave)
    page = text_of(client.get("/search/", {"q": "conferences", "year": "2023"}))
    assert "Child B plan" in page and "Child A plan" not in page


def test_the_recommendation_page_shows_the_same_learning_from_another_review(client, dave, two_reviews):
    old, new = two_reviews
    client.force_login(dave)
    page = text_of(client.get(f"/recommendations/{new.pk}/"))
    similar = page.split("Similar recommendations in other plans")[1]
    assert "Child A plan" in similar and "Implemented" in similar and "Implemented before" not in similar
    assert "1 of 1 actions implemented, 0 assured" in similar and "1 May 2014" in similar


def test_the_recurring_page_flags_learning_made_again_after_it_was_implemented(client, dave, two_reviews):
    client.force_login(dave)
    page = text_of(client.get("/learning/"))
    made_again = page.split("Recommendations made again")[1]
    assert "2 similar recommendations, latest 1 February 2023" in made_again
    assert "Implemented before" in made_again


def test_a_recurring_theme_is_flagged_and_leads_to_what_carries_it(client, dave, two_reviews):
    curiosity = Theme.objects.get(name="Professional curiosity")
    for rec in two_reviews:
        rec.themes.add(curiosity)
    client.force_login(dave)
    response = client.get("/learning/")
    words = " ".join(re.sub(r"<[^>]+>", " ", text_of(response)).split())
    themes = words.split("Themes met in several reviews")[-1].split("Recommendations made again")[0]
    assert "Professional curiosity 2 2 1 February 2023 Implemented before" in themes
    link = f"/search/?q=Professional%20curiosity&amp;theme={curiosity.pk}"
    assert link in response.content.decode()
    found = text_of(client.get(link.replace("&amp;", "&")))
    assert "2 results" in found and "Child A plan" in found and "Child B plan" in found


def test_the_admin_tags_a_recommendation_and_its_actions(client, alice, two_reviews):
    rec = two_reviews[0]
    action = rec.actions.get()
    sharing, curiosity = (
        Theme.objects.get(name=n) for n in ["Information sharing", "Professional curiosity"]
    )
    client.force_login(alice)
    response = client.post(
        f"/recommendations/{rec.pk}/themes/",
        {"themes": [sharing.pk, curiosity.pk], f"action_{action.pk}": [curiosity.pk]},
    )
    assert response.status_code == 302
    assert set(rec.themes.all()) == {sharing, curiosity}
    assert list(action.themes.all()) == [curiosity]
    assert "Information sharing; Professional curiosity" in text_of(client.get(f"/recommendations/{rec.pk}/"))


def test_tagging_on_the_page_is_in_the_action_history_by_name(client, alice, action):
    alice.first_name, alice.last_name = "Alice", "Ashworth"
    alice.save()
    curiosity = Theme.objects.get(name="Professional curiosity", national=True)
    client.force_login(alice)
    response = client.post(
        f"/recommendations/{action.recommendation_id}/themes/", {f"action_{action.pk}": [curiosity.pk]}
    )
    assert response.status_code == 302
    page = text_of(client.get(f"/actions/{action.pk}/"))
    assert "Alice Ashworth" in page and "Professional curiosity" in page


def test_the_admin_maps_the_partnership_framework_to_the_national_list(client, alice, partnership):
    client.force_login(alice)
    national = Theme.objects.get(name="Voice and lived experience of the child")
    response = client.post("/themes/new/", {"name": "Hearing the child", "national": national.pk})
    assert response.status_code == 302
    theme = Theme.objects.get(name="Hearing the child")
    assert (theme.partnership, theme.maps_to) == (partnership, national)
    page = text_of(client.get("/themes/"))
    assert "Hearing the child" in page and "Voice and lived experience of the child" in page
    refused = client.post("/themes/new/", {"name": "Mapped to our own", "national": theme.pk})
    assert refused.status_code == 400 and not Theme.objects.filter(name="Mapped to our own").exists()


def test_a_filter_of_another_partnership_is_refused_not_ignored(client, dave, eve, two_reviews):
    other = ActionFactory(recommendation__plan__partnership=eve.partnership, text="Conferences elsewhere.")
    client.force_login(dave)
    response = client.get("/search/", {"q": "conferences", "agency": other.owner_id})
    page = text_of(response)
    assert "There is a problem" in page and "Select a valid choice" in page
    assert "Child A plan" not in page and "Conferences elsewhere" not in page


def test_plan_and_review_pages_lead_to_the_recommendation_page(client, dave, two_reviews):
    rec = two_reviews[0]
    client.force_login(dave)
    for path in [f"/plans/{rec.plan_id}/", f"/reviews/{rec.reviews.get().pk}/"]:
        assert f'href="/recommendations/{rec.pk}/"' in client.get(path).content.decode(), path


def test_recurring_learning_downloads_as_csv_and_workbook_with_formulas_as_text(client, dave, two_reviews):
    import csv
    import io

    from openpyxl import load_workbook

    old, new = two_reviews
    new.text = "=HYPERLINK(\"http://x\") GP attendance at child protection conferences."
    new.save()
    sharing = Theme.objects.get(name="Information sharing")
    for rec in two_reviews:
        rec.themes.add(sharing)
    client.force_login(dave)
    assert 'href="/learning/download/?format=csv"' in client.get("/learning/").content.decode()
    response = client.get("/learning/download/", {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="riverton-')
    assert "-recurring-learning-" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    # Met again in 2023 after Child A's action on it was marked implemented.
    assert ["Information sharing", "", "2", "2", "1 February 2023", "Yes"] in rows
    made_again = [row for row in rows if row and row[0] == "1"]
    assert [row[4] for row in made_again] == ["Child A plan", "Child B plan"]
    assert made_again[1][-1].startswith("'=HYPERLINK")  # text, never a formula
    assert made_again[0][3] == "Yes"  # an earlier similar action was implemented
    book = load_workbook(io.BytesIO(client.get("/learning/download/", {"format": "xlsx"}).content))
    assert book.sheetnames == ["Themes", "Recommendations made again"]
    cells = [c.value for c in book["Recommendations made again"]["J"]]
    assert cells[2].startswith("'=HYPERLINK")
    assert all(c.data_type != "f" for row in book.worksheets[1] for c in row)
    assert client.get("/learning/download/", {"format": "exe"}).status_code == 404


def test_recommendations_made_again_are_paged_newest_first(client, dave, partnership):
    # Each learning in two plans, in words no other learning uses; the later plan dated by year.
    learning = ["alfa", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett",
                "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango",
                "uniform"]  # fmt: skip
    for year, word in enumerate(learning, start=2000):
        RecommendationFactory(plan=PlanFactory(partnership=partnership), text=f"The {word} protocol.")
        later = PlanFactory(partnership=partnership, title=f"Plan of {year}", as_at=date(year, 6, 1))
        RecommendationFactory(plan=later, text=f"Use the {word} protocol.")
    neighbours.rebuild()  # scored with the weights of all 42 (not those of the first few)
    client.force_login(dave)
    first = text_of(client.get("/learning/"))
    assert "21 groups, the most recent first: showing 1 to 20" in first
    assert first.index("latest 1 June 2020") < first.index("latest 1 June 2019")
    assert "Plan of 2000" not in first
    second = text_of(client.get("/learning/", {"page": 2}))
    assert "Plan of 2000" in second and "Plan of 2001" not in second
