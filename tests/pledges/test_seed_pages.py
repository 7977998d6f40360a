"""Each seed document's content appears on its public page, word for word."""

import re

import pytest

from tests.seeds import bullets, html_text, normalise, seed_text

pytestmark = pytest.mark.django_db


def page_text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return html_text(response.content.decode())


def test_mala_pledge_page_shows_all_seven_commitments_and_four_signatories(client, seeded):
    text = page_text(client, "/medborgarlofte/mala-2024/")
    commitments = bullets("mala")[:7]
    assert len(commitments) == 7
    for commitment in commitments:
        assert normalise(commitment) in text
    for name, title in [
        ("Lars Vestermark", "lokalpolisområdeschef"),
        ("Ewa Öberg Öström", "kommunpolis"),
        ("Lennart Gustavsson", "kommunalråd"),
        ("Douglas Almqvist", "kommunchef"),
    ]:
        assert f"{name}, {title}" in text
    assert "Period: 2024" in text
    assert "Minst 6 gånger per år" in text
    assert "Vid önskemål" in text
    assert "Underlaget som det nya medborgarlöftet baseras på" in text
    assert "Skellefteå" in text


def test_mala_pledge_has_ended_by_today(client, seeded):
    text = page_text(client, "/medborgarlofte/mala-2024/")
    assert "Avslutat" in text
    assert "Medborgarlöftet gällde 2024 och har avslutats." in text


def test_about_page_has_the_general_text_on_citizen_pledges(client, seeded):
    text = page_text(client, "/om-medborgarloften/")
    assert (
        normalise(
            "Medborgarlöften handlar om att polis och kommun lyssnar på vad de som bor och verkar "
            "i ett område upplever som viktigt för att de ska känna sig trygga och säkra."
        )
        in text
    )
    for aim in bullets("mala")[7:]:
        assert normalise(aim) in text


def _nordmaling_focus_areas() -> list[tuple[str, str]]:
    source = seed_text("nordmaling")
    return re.findall(r"- \*\*(.+?)\*\*\s*\n\s*\n(.+?)\n", source)


def test_nordmaling_pledge_page_shows_six_focus_areas_with_their_texts(client, seeded):
    text = page_text(client, "/medborgarlofte/nordmaling-2023-2025/")
    areas = _nordmaling_focus_areas()
    assert [title for title, _ in areas] == [
        "Droger",
        "Trafik",
        "Hemmet ska vara en trygg plats",
        "Ekonomisk brottslighet",
        "Otrygga platser",
        "Grannsamverkan",
    ]
    for title, description in areas:
        assert title in text
        assert normalise(description) in text
    assert "Period: 2023–2025" in text


def test_nordmaling_pledge_page_shows_feedback_follow_up_and_signatories(client, seeded):
    text = page_text(client, "/medborgarlofte/nordmaling-2023-2025/")
    assert (
        "Återkoppling och resultatet av det arbete som bedrivs för att nå målen sker via "
        "polisens och kommunens webbplatser, i sociala medier samt via massmedia."
    ) in text
    assert (
        "Medborgarlöftena följs gemensamt upp av kommunen och polisen en gång per år inför "
        "ett årsskifte."
    ) in text
    assert "Madelaine Jakobsson, Kommunalråd" in text
    assert "Michael Rydstedt, Lokalpolisområdeschef" in text
    # The seed does not name Nordmaling's police area: the page says so.
    assert "Anges inte i det publicerade underlaget." in text


def test_asele_pledge_page_shows_its_four_commitments_and_its_agreement(client, seeded):
    text = page_text(client, "/medborgarlofte/asele-2021-2022/")
    for commitment in bullets("asele")[:4]:
        assert normalise(commitment) in text
    assert "Samverkansöverenskommelse 2019-2022 mellan polismyndigheten och Åsele kommun" in text
    assert "Medborgarlöften 2019–2020, Åsele kommun" in text  # its predecessor
    assert "Period: 2021–2022" in text


def test_asele_agreement_page_shows_every_section(client, seeded):
    text = page_text(client, "/overenskommelse/asele-2019-2022/")
    source = bullets("asele")
    for goal in source[4:7]:
        assert normalise(goal) in text
    for duty in source[7:]:
        assert normalise(duty) in text
    assert "Ett effektivt brottsförebyggande arbetet kräver samverkan." in text
    assert "Detta med två års mellanrum." in text
    assert "Vartannat år" in text
    assert (
        "Överenskommelsen gäller från den 1 januari 2019 till och med den 31 december 2022. "
        "Om ny överenskommelse inte tecknas efter utgånget datum förlängs denna "
        "överenskommelse tills vidare."
    ) in text
    assert "Medborgarlöfte 2021–2022, Åsele kommun" in text  # the pledge resting on it


def test_asele_agreement_runs_on_until_further_notice(client, seeded):
    text = page_text(client, "/overenskommelse/asele-2019-2022/")
    assert "Gäller 2019–2022, förlängs tills vidare" in text
    assert (
        "Överenskommelsen gällde till och med 31 december 2022. Ingen ny överenskommelse har "
        "tecknats, så den förlängs tills vidare."
    ) in text


def test_asele_municipality_page_has_current_agreement_and_archive(client, seeded):
    text = page_text(client, "/kommun/asele/")
    assert "Det finns inget gällande medborgarlöfte för kommunen just nu." in text
    current = text.split("Samverkansöverenskommelse", 1)[1].split("Tidigare medborgarlöften")[0]
    assert "Gäller tills vidare" in current
    archive = text.split("Tidigare medborgarlöften", 1)[1]
    assert "Medborgarlöfte 2021–2022, Åsele kommun" in archive
    assert "Medborgarlöften 2019–2020, Åsele kommun" in archive


def test_asele_earlier_pledge_is_known_by_name_only(client, seeded):
    text = page_text(client, "/medborgarlofte/asele-2019-2020/")
    assert "Löftets text är ännu inte inlagd i portalen." in text
    assert "Medborgarlöften 2019 - 2020" in text


def test_sodra_fyrbodal_pledge_shows_police_and_municipal_commitments(client, seeded):
    text = page_text(client, "/medborgarlofte/sodra-fyrbodal-2023-2024/")
    source = bullets("sodra_fyrbodal")
    assert len(source) == 11
    # In the order of the text, each commitment followed by the party that answers for it.
    positions = [text.index(normalise(commitment)) for commitment in source]
    assert positions == sorted(positions)
    for commitment in source[:5]:
        assert f"{normalise(commitment)} Ansvar: Polisen" in text
    for commitment in source[5:]:
        assert f"{normalise(commitment)} Ansvar: Kommunerna" in text
    # Grouped by party, as a reader may choose: the police's five, then the municipalities'.
    grouped = page_text(client, "/medborgarlofte/sodra-fyrbodal-2023-2024/?visa=part")
    police_part = grouped.split("Polisen", 1)[1].split("Kommunerna", 1)[0]
    for commitment in source[:5]:
        assert normalise(commitment) in police_part
    municipal_part = grouped.split("Kommunerna", 1)[1]
    for commitment in source[5:]:
        assert normalise(commitment) in municipal_part
    assert (
        "Det gemensamma långsiktiga målet för oss är att öka den upplevda tryggheten för våra "
        "invånare samt minska brottsligheten bland ungdomar och stoppa nyrekrytering."
    ) in text
    for official in ["Stenungsunds kommun", "Orust kommun", "Tjörns kommun"]:
        assert official in text
    assert "Period: 2023–2024" in text


def test_sodra_fyrbodal_pledge_lists_four_signatories_with_titles(client, seeded):
    text = page_text(client, "/medborgarlofte/sodra-fyrbodal-2023-2024/")
    for line in [
        "Kicki Nordberg, kommundirektör, Stenungsunds kommun",
        "Evike Sandor, kommundirektör, Tjörns kommun",
        "Ann-Britt Svedberg, tf. kommundirektör, Orust kommun",
        "Susanne Arvidsson, lokalpolisområdeschef",
    ]:
        assert line in text


@pytest.mark.parametrize(
    ("slug", "official_name"),
    [
        ("arboga-2024", "Arboga kommun"),
        ("kungsor-2024", "Kungsörs kommun"),
        ("koping-2024", "Köpings kommun"),
    ],
)
def test_vastra_malardalen_pledges_say_their_text_is_not_yet_entered(
    client, seeded, slug, official_name
):
    text = page_text(client, f"/medborgarlofte/{slug}/")
    assert f"Medborgarlöfte {official_name} 2024" in text
    assert "Löftets text är ännu inte inlagd i portalen." in text
    assert "Västra Mälardalen" in text
    assert "Period: 2024" in text


def test_police_area_page_lists_its_municipalities_and_their_pledges(client, seeded):
    text = page_text(client, "/lokalpolisomrade/vastra-malardalen/")
    for official in ["Arboga kommun", "Kungsörs kommun", "Köpings kommun"]:
        assert official in text
    assert "Medborgarlöfte Köpings kommun 2024" in text
    assert "polisregion Bergslagen" not in text  # shown as a fact, not a sentence
    assert "Bergslagen" in text
