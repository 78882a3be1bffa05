"""The import preview lists the owners that name no agency, which will not be attached."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from actionplan.plans.models import Agency

pytestmark = pytest.mark.django_db
PLAN = b"Eastshire SAB\n\nRecommendation\tAction\tLead\nShare it.\tWrite it\tNamed Nurse\n"


def test_the_preview_lists_owners_naming_no_agency(client, alice):
    client.force_login(alice)
    response = client.post("/import/", {"files": [SimpleUploadedFile("plan.txt", PLAN)]})
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Owners naming no agency (not attached)" in page
    assert "Named Nurse" in page
    assert 'aria-label="Save the agency of Named Nurse"' in page  # each row's Save says what it saves
    assert not Agency.objects.filter(name="Named Nurse").exists()
