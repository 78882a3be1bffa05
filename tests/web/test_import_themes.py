"""A plan's own sections mapped to the partnership's learning themes before it is stored."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from scenes import text_of

from actionplan.plans.models import Recommendation, Theme

pytestmark = pytest.mark.django_db

PLAN = (b"Child X action plan\nTheme,Recommendation,Action,Lead,Target date\n"
        b"Information sharing,1. Share early,Write the protocol,Riverton Police,31/03/2027\n"
        b"Whole family working,2. Think of the family,Train staff,Riverton Police,31/03/2027\n")


def test_sections_are_mapped_to_themes(client, alice, police, partnership, eve):
    sharing = Theme.objects.create(partnership=partnership, name="Information sharing")
    family = Theme.objects.create(partnership=partnership, name="Think family")
    theirs = Theme.objects.create(partnership=eve.partnership, name="Hoarding")
    client.force_login(alice)
    url = client.post("/import/", {"files": [SimpleUploadedFile("child-x.csv", PLAN)]}).url
    page = text_of(client.get(url))
    assert "Sections and themes" in page and "Hoarding" not in page
    assert 'aria-label="Save the theme of Information sharing"' in page  # each row's Save says what
    assert f'<option value="{sharing.pk}" selected>' in page  # the theme of the same name
    assert client.post(f"{url}theme/", {"section": "Whole family working", "theme": str(theirs.pk)}
                       ).status_code == 404
    client.post(f"{url}theme/", {"section": "Whole family working", "theme": str(family.pk)})
    assert not Recommendation.objects.exists()
    client.post(url, {"decision": "confirm"})
    assert list(Recommendation.objects.get(ref="1").themes.all()) == [sharing]
    assert list(Recommendation.objects.get(ref="2").themes.all()) == [family]
