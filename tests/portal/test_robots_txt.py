"""robots.txt: crawlers are kept out of the private areas and told where the sitemap is."""

from __future__ import annotations

from django.urls import reverse

SITE = "https://medborgarloften.example"


def test_robots_txt_keeps_crawlers_out_of_private_areas_and_names_the_sitemap(client, settings):
    settings.SITE_URL = SITE
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Cache-Control"].startswith("public")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
    disallowed = [line.removeprefix("Disallow: ") for line in lines if line.startswith("Disallow")]
    private = [
        reverse("followup:start"),
        reverse("admin:index"),
        reverse("login"),
        reverse("logout"),
        reverse("password_reset"),
        reverse("password_reset_complete"),
        reverse("agreements:invitation_accept", kwargs={"token": "x"}),
        reverse("agreements:people", kwargs={"kind": "kommun", "slug": "granby"}),
        reverse("publishing:submit", kwargs={"kind": "medborgarlofte", "pk": 1}),
        "/redaktor/medborgarlofte/nytt/",
    ]
    private += ["/en" + path for path in private if not path.startswith("/admin/")]
    for path in private:
        assert any(path.startswith(prefix) for prefix in disallowed), path
    public = ["/", "/kommun/granby/", "/medborgarlofte/granby-2024/", "/sitemap.xml", "/sok/"]
    public += ["/en" + path for path in public if path != "/sitemap.xml"]
    for path in public:
        assert not any(path.startswith(prefix) for prefix in disallowed), path
