"""A person behind an account: their full name and title, and the service that sets them.

Signatures, events and history show a person by name and title, never by login name;
an account without a full name is shown as "namn saknas" and may not sign.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from portal.models import Profile

NAME_MISSING = _("namn saknas")
FIRST_NAME_REQUIRED = _("Skriv ditt förnamn.")
LAST_NAME_REQUIRED = _("Skriv ditt efternamn.")


def has_full_name(user: AbstractBaseUser | AnonymousUser | None) -> bool:
    """Whether the account has both a first and a last name."""
    return bool(
        user is not None
        and (getattr(user, "first_name", "") or "").strip()
        and (getattr(user, "last_name", "") or "").strip()
    )


def full_name(user: AbstractBaseUser | None) -> str:
    """The person's full name, or "" when the account has none (never the login name)."""
    if not has_full_name(user):
        return ""
    return f"{user.first_name.strip()} {user.last_name.strip()}"


def display_name(user: AbstractBaseUser | None) -> str:
    """The name a page shows for a person: their full name, else "namn saknas"."""
    return full_name(user) or str(NAME_MISSING)


def name_and_title(user: AbstractBaseUser | None) -> str:
    """A person as messages and records name them: "Anna Berg, kommunchef" (the title from
    a loaded ``profile``), "Anna Berg" without one; never a login name."""
    name = full_name(user)
    profile = getattr(user, "profile", None)
    title = (getattr(profile, "title", "") or "").strip()
    return f"{name}, {title}" if name and title else name


def profile_title(user: AbstractBaseUser) -> str:
    """The person's title from their profile ("" without one); one query."""
    return Profile.objects.filter(user_id=user.pk).values_list("title", flat=True).first() or ""


@transaction.atomic
def profile_update(
    *, user: AbstractBaseUser, first_name: str, last_name: str, title: str
) -> Profile:
    """Set a person's own full name and title, with history of the title."""
    user.first_name = first_name.strip()
    user.last_name = last_name.strip()
    missing = {}
    if not user.first_name:
        missing["first_name"] = FIRST_NAME_REQUIRED
    if not user.last_name:
        missing["last_name"] = LAST_NAME_REQUIRED
    if missing:
        raise ValidationError(missing)
    user.clean_fields(
        exclude=[f.name for f in user._meta.fields if f.name not in {"first_name", "last_name"}]
    )
    user.save(update_fields=["first_name", "last_name"])
    profile = Profile.objects.select_for_update().filter(user=user).first() or Profile(user=user)
    profile.title = title.strip()
    profile.full_clean()
    profile._history_user = user
    profile.save()
    return profile


def reminders_enabled(user: AbstractBaseUser) -> bool:
    """Whether the person wants reminders by e-mail (yes without a profile); one query."""
    enabled = Profile.objects.filter(user_id=user.pk).values_list("reminders_enabled", flat=True)
    return next(iter(enabled), True)


@transaction.atomic
def profile_set_reminders(*, user: AbstractBaseUser, enabled: bool) -> Profile:
    """Turn a person's own reminders by e-mail on or off, with history."""
    profile = Profile.objects.select_for_update().filter(user=user).first() or Profile(user=user)
    profile.reminders_enabled = enabled
    profile.full_clean()
    profile._history_user = user
    profile.save()
    return profile
