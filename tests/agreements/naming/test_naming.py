"""Naming the police area that answers for a municipality, through the portal's own forms.

Åsele's agreement names no police area in its text, so its follow-up could not be
signed by the police. The police area's editor proposes Lycksele, Åsele's administrator
accepts, and the follow-up is then submitted and signed by both parties, its pages and
PDF saying that the police area was named in the portal and by whom.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from agreements.models import Agreement, Membership, Municipality, PoliceArea, PoliceAreaNaming
from followup.models import Review, ReviewSignOff, ReviewState
from pledges.models import Pledge
from portal.models import IssuedDocument
from tests.agreements.people.conftest import post_form
from tests.documents.conftest import certificate_files, document_settings, pdf_text  # noqa: F401
from tests.followup.review_fixtures import PASSWORD, member
from tests.seeds import html_text

Role = Membership.Role
Status = PoliceAreaNaming.Status


def page_url(organisation) -> str:
    kind = "lokalpolisomrade" if isinstance(organisation, PoliceArea) else "kommun"
    return f"/organisation/{kind}/{organisation.slug}/ansvarigt-lokalpolisomrade/"


def text_of(response) -> str:
    return html_text(response.content.decode())


def press(client, organisation, button: str):
    """Press a button (Godkänn, Avböj, Återta förslaget) on the organisation's page."""
    page = client.get(page_url(organisation)).content.decode()
    forms = re.findall(r'<form method="post" action="([^"]+)"[^>]*>.*?</form>', page, re.S)
    actions = [a for a in forms if button in page.split(a, 1)[1].split("</form>", 1)[0]]
    assert actions, f"no {button} button"
    return client.post(actions[0])


@pytest.fixture
def lycksele(seeded):
    return PoliceArea.objects.create(slug="lycksele", name="Lycksele", region="nord")


@pytest.fixture
def asele(seeded):
    return Municipality.objects.get(slug="asele")


@pytest.fixture
def police_editor(lycksele):
    user = member(Role.EDITOR, lycksele, first_name="Pia", last_name="Polisson")
    user.email = "pia@polisen.se"
    user.save()
    return user


@pytest.fixture
def asele_admin(asele):
    user = member(Role.ADMINISTRATOR, asele, first_name="Åke", last_name="Admin")
    user.email = "ake@asele.se"
    user.save()
    return user


def propose_lycksele(client, police_editor, asele):
    client.force_login(police_editor)
    return post_form(
        client, page_url(PoliceArea.objects.get(slug="lycksele")), {"municipality": str(asele.pk)}
    )


def test_aseles_police_area_is_named_and_its_follow_up_signed_by_both_parties(
    client, lycksele, asele, police_editor, asele_admin, django_capture_on_commit_callbacks
):
    agreement = Agreement.objects.get(slug="asele-2019-2022")
    assert agreement.police_area is None

    # The police area's editor proposes Lycksele for Åsele through the form.
    with django_capture_on_commit_callbacks(execute=True):
        response = propose_lycksele(client, police_editor, asele)
    assert response.status_code == 302
    naming = PoliceAreaNaming.objects.get()
    assert (naming.status, naming.proposed_by, naming.proposed_by_police) == (
        Status.PROPOSED,
        police_editor,
        True,
    )
    asele.refresh_from_db()
    assert asele.police_area is None  # nothing holds until the other side accepts
    (asked,) = mail.outbox
    assert asked.to == ["ake@asele.se"]
    assert asked.subject == "Att godkänna: Polisen, lokalpolisområde Lycksele för Åsele kommun"
    assert "Pia Polisson" in asked.body and page_url(asele) in asked.body
    assert page_url(asele) in asked.alternatives[0][0]

    # Åsele's administrator sees who proposed it, and accepts.
    client.force_login(asele_admin)
    page = text_of(client.get(page_url(asele)))
    assert "Lokalpolisområde Lycksele för Åsele kommun" in page
    assert "Föreslaget av Pia Polisson" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = press(client, asele, "Godkänn")
    assert response.status_code == 302
    asele.refresh_from_db()
    assert asele.police_area == lycksele
    naming.refresh_from_db()
    assert (naming.status, naming.decided_by) == (Status.ACCEPTED, asele_admin)
    assert mail.outbox[-1].to == ["pia@polisen.se"]
    assert "Åke Admin har godkänt förslaget" in mail.outbox[-1].body

    # Both sides see who did what and when.
    for user, organisation in [(asele_admin, asele), (police_editor, lycksele)]:
        client.force_login(user)
        page = text_of(client.get(page_url(organisation)))
        assert "Föreslaget av Pia Polisson" in page
        assert "godkänt av Åke Admin" in page

    # The follow-up of 2021–2022: the coordinator submits, both parties sign.
    coordinator = member(Role.COORDINATOR, asele, first_name="Cilla", last_name="Samordnare")
    police_signatory = member(Role.SIGNATORY, lycksele, first_name="Lars", last_name="Lokal")
    municipal_signatory = member(Role.SIGNATORY, asele, first_name="Maja", last_name="Kommun")
    client.force_login(coordinator)
    client.post(
        reverse("followup:review_start"),
        {"document": "agreement", "pk": agreement.pk, "period": "2021-01-01"},
    )
    review = Review.objects.get(agreement=agreement)
    data = {
        "content_version": review.content_version,
        "summary": "Samverkan fungerade.",
        "lessons": "",
        "next_steps": "",
        "action": "submit",
        "confirm_short_of_target": "on",
    }
    for item in review.items.all():
        data[f"item_{item.pk}_assessment"] = "done"
    response = client.post(reverse("followup:review", args=[review.pk]), data)
    review.refresh_from_db()
    assert review.state == ReviewState.SUBMITTED, text_of(response)
    page = text_of(client.get(reverse("followup:review", args=[review.pk])))
    assert "Lokalpolisområdet namngavs i portalen, inte i den undertecknade texten." in page

    for signatory in (police_signatory, municipal_signatory):
        client.force_login(signatory)
        review.refresh_from_db()
        response = client.post(
            reverse("followup:review_sign", args=[review.pk]),
            {"password": PASSWORD, "title": "Chef", "content_version": review.content_version},
        )
        assert response.status_code == 302
    review.refresh_from_db()
    assert review.state == ReviewState.PUBLISHED
    police_sign_off = ReviewSignOff.objects.get(review=review, police_area__isnull=False)
    assert police_sign_off.police_area == lycksele

    # The public page and the sealed PDF say where the police area came from.
    client.logout()
    public = text_of(client.get(review.get_absolute_url()))
    expected = (
        "Polisen, lokalpolisområde Lycksele följer upp och skriver under för polisen "
        "tillsammans med Åsele kommun. Det namngavs i portalen den "
    )
    assert expected in public
    assert "föreslaget av Pia Polisson och godkänt av Åke Admin" in public
    assert "Lars Lokal" in public
    issued = IssuedDocument.objects.for_object(review).get()
    download = client.get(issued.get_absolute_url())
    pdf = " ".join(pdf_text(b"".join(download.streaming_content)).split())
    assert "Lokalpolisområdet namngavs i portalen, inte i den undertecknade texten." in pdf
    # Its parties, in the PDF's header, name the police area that signed.
    assert "Polisen, lokalpolisområde Lycksele och Åsele kommun" in pdf
    # The agreement's page says it too; its text still names no police area.
    page = text_of(client.get(agreement.get_absolute_url()))
    assert expected in page
    agreement.refresh_from_db()
    assert agreement.police_area is None


def test_a_published_follow_up_keeps_the_police_area_that_signed_it(
    client, lycksele, asele, police_editor, asele_admin
):
    """A later naming changes who follows up next, not what a signed follow-up says."""
    from agreements.naming.services import naming_accept, naming_propose
    from tests.followup.review_fixtures import fill, sign, submit

    naming_accept(
        user=asele_admin,
        naming=naming_propose(
            user=police_editor, municipality=asele, police_area=lycksele, by_police=True
        ),
    )
    agreement = Agreement.objects.get(slug="asele-2019-2022")
    coordinator = member(Role.COORDINATOR, asele)
    from followup.reviews import services as reviews

    review = reviews.review_start(
        user=coordinator, document=agreement, period_start=datetime.date(2021, 1, 1)
    )
    fill(review, coordinator)
    submit(review, coordinator)
    sign(review, member(Role.SIGNATORY, lycksele, first_name="Lars", last_name="Lokal"))
    sign(review, member(Role.SIGNATORY, asele, first_name="Maja", last_name="Kommun"))
    review.refresh_from_db()
    assert review.state == ReviewState.PUBLISHED

    umea = PoliceArea.objects.create(slug="umea", name="Umeå", region="nord")
    naming_accept(
        user=member(Role.EDITOR, umea),
        naming=naming_propose(
            user=asele_admin, municipality=asele, police_area=umea, by_police=False
        ),
    )
    public = text_of(client.get(review.get_absolute_url()))
    assert "Polisen, lokalpolisområde Lycksele följer upp" in public
    assert "lokalpolisområde Umeå" not in public
    assert PoliceAreaNaming.objects.get(police_area=lycksele).status == Status.ENDED


def test_the_municipality_may_propose_and_the_police_accept(
    client, lycksele, asele, police_editor, asele_admin, django_capture_on_commit_callbacks
):
    client.force_login(asele_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(client, page_url(asele), {"police_area": str(lycksele.pk)})
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["pia@polisen.se"]
    client.force_login(police_editor)
    assert "1 förslag väntar på ert svar" in text_of(client.get(reverse("followup:start")))
    press(client, lycksele, "Godkänn")
    asele.refresh_from_db()
    assert asele.police_area == lycksele


def test_a_proposal_is_declined_or_withdrawn_and_stays_in_the_history(
    client, lycksele, asele, police_editor, asele_admin
):
    propose_lycksele(client, police_editor, asele)
    client.force_login(asele_admin)
    press(client, asele, "Avböj")
    asele.refresh_from_db()
    assert asele.police_area is None
    page = text_of(client.get(page_url(asele)))
    assert "Avböjt. Föreslaget av Pia Polisson" in page and "avböjt av Åke Admin" in page

    propose_lycksele(client, police_editor, asele)
    press(client, lycksele, "Återta förslaget")
    page = text_of(client.get(page_url(lycksele)))
    assert "återtaget av Pia Polisson" in page
    assert list(PoliceAreaNaming.objects.values_list("status", flat=True).order_by("pk")) == [
        Status.DECLINED,
        Status.WITHDRAWN,
    ]


def test_bad_proposals_get_a_swedish_message(client, lycksele, asele, police_editor):
    client.force_login(police_editor)
    response = post_form(client, page_url(lycksele), {"municipality": ""})
    assert response.status_code == 400
    assert "Välj en kommun." in text_of(response)
    response = post_form(client, page_url(lycksele), {"municipality": "999999"})
    assert "Välj en kommun i listan." in text_of(response)

    propose_lycksele(client, police_editor, asele)
    other = member(Role.ADMINISTRATOR, asele)
    client.force_login(other)
    response = post_form(client, page_url(asele), {"police_area": str(lycksele.pk)})
    assert response.status_code == 400
    assert "Det finns redan ett förslag för Åsele som väntar på svar." in text_of(response)


def test_who_may_see_propose_and_answer(client, lycksele, asele, police_editor, asele_admin):
    """The role matrix: the police area's editors and administrators, the municipality's
    administrators; nobody else, and only the other side answers."""
    propose_lycksele(client, police_editor, asele)
    naming = PoliceAreaNaming.objects.get()
    accept_as_municipality = f"{page_url(asele)}{naming.pk}/godkann/"
    accept_as_police = f"{page_url(lycksele)}{naming.pk}/godkann/"

    police_admin = member(Role.ADMINISTRATOR, lycksele)
    client.force_login(police_admin)
    assert client.get(page_url(lycksele)).status_code == 200
    assert client.post(accept_as_police).status_code == 403  # their own side proposed it

    refused = [
        member(Role.COORDINATOR, asele),
        member(Role.EDITOR, asele),
        member(Role.SIGNATORY, asele),
        member(Role.COORDINATOR, lycksele),
        member(Role.SIGNATORY, lycksele),
        member(Role.ADMINISTRATOR, Municipality.objects.get(slug="mala")),
    ]
    for user in refused:
        client.force_login(user)
        assert client.get(page_url(asele)).status_code == 403
        assert client.post(accept_as_municipality).status_code == 403
        assert client.post(page_url(asele), {"police_area": lycksele.pk}).status_code == 403
    client.logout()
    assert client.get(page_url(asele)).status_code == 302
    assert client.post(accept_as_municipality).status_code == 302
    client.force_login(asele_admin)
    assert (
        client.get("/organisation/kommun/finns-inte/ansvarigt-lokalpolisomrade/").status_code == 404
    )
    assert client.post(f"{page_url(asele)}{naming.pk}/okand/").status_code == 404
    assert client.post(f"{page_url(asele)}{naming.pk + 1}/godkann/").status_code == 404
    naming.refresh_from_db()
    assert naming.status == Status.PROPOSED
    assert client.post(accept_as_municipality).status_code == 302
    # Answering twice: a clear message, not an error.
    response = client.post(accept_as_municipality, follow=True)
    assert "Förslaget har redan besvarats eller återtagits." in text_of(response)


def test_the_page_makes_the_same_queries_for_1_and_20_proposals(
    client, lycksele, police_editor, django_assert_max_num_queries
):
    from agreements.naming.services import naming_propose

    municipalities = list(Municipality.objects.exclude(slug="asele")[:1])
    naming_propose(
        user=police_editor, municipality=municipalities[0], police_area=lycksele, by_police=True
    )
    client.force_login(police_editor)
    with django_assert_max_num_queries(12) as few:
        client.get(page_url(lycksele))
    for n in range(19):
        municipality = Municipality.objects.create(
            name=f"Ort {n}", official_name=f"Ort {n} kommun", slug=f"ort-{n}", code=f"{9000 + n}"
        )
        naming_propose(
            user=police_editor, municipality=municipality, police_area=lycksele, by_police=True
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(page_url(lycksele)).status_code == 200


def test_the_demo_names_nordmalings_and_aseles_police_areas_as_example_data(
    client, seeded, settings
):
    settings.DEMO_MODE = True
    call_command("name_demo_police_areas", stdout=None)
    call_command("name_demo_police_areas", stdout=None)  # idempotent
    assert Municipality.objects.get(slug="nordmaling").police_area.name == "Umeå"
    assert Municipality.objects.get(slug="asele").police_area.name == "Lycksele"
    assert PoliceAreaNaming.objects.filter(status=Status.ACCEPTED, is_example=True).count() == 2
    # The seed texts still name no police area.
    pledge = Pledge.objects.get(slug="nordmaling-2023-2025")
    assert pledge.police_area is None
    page = text_of(client.get(pledge.get_absolute_url()))
    assert "Lokalpolisområdet namngavs i portalen, inte i den undertecknade texten." in page
    assert "Polisen, lokalpolisområde Umeå följer upp" in page
    assert "Exempeldata" in page
