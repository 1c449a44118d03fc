"""The profile form: the logged-in user's own profile (TIMManager.h 6.1, 6.2), shown and edited,
with a small preview of the face; kept current by ``self_info_updated``."""

from __future__ import annotations

import html
from typing import Any, Optional

import ipywidgets as W

from ..client import Client
from ..errors import TIMError
from ..profiles import AddPermission, Gender, UserProfile
from .base import Form, classed
from .browser import face_url

__all__ = ["ProfileForm"]


def face_html(name: str, url: str) -> str:
    """A small face: the picture at an http(s) URL (fetched lazily, never sending the page's
    address), else the name's initial; everything escaped."""
    shown = face_url(url)
    if shown:
        return (f"<img class='tc-face' src='{html.escape(shown, quote=True)}' alt='' loading='lazy'"
                " referrerpolicy='no-referrer' width='40' height='40' style='border-radius:50%'>")
    letter = (name.strip()[:1] or "?").upper()
    return f"<span class='tc-face tc-face-initial'>{html.escape(letter)}</span>"


class ProfileForm(Form):
    """One's own profile: nickname, face URL, gender, signature, location and who may add one as a
    friend, with Save (only the fields changed are sent). The vendor's limits are checked before
    calling (strings at most 500 bytes); a refusal shows its code, never a traceback."""

    _prefix = "tc-profile"

    def __init__(self, client: Client, **kwargs: Any) -> None:
        layout = W.Layout(width="auto")
        self.face = classed(W.HTML(""), "tc-profile-face")
        self.nickname = classed(W.Text(description="Nickname", layout=layout), "tc-profile-nickname")
        self.face_url = classed(W.Text(placeholder="https://...", description="Face URL", layout=layout),
                                "tc-profile-face-url")
        self.gender = classed(W.Dropdown(options=[(g.name.capitalize(), g.name) for g in Gender],
                                         description="Gender"), "tc-profile-gender")
        self.signature = classed(W.Textarea(description="Signature", layout=layout), "tc-profile-signature")
        self.location = classed(W.Text(description="Location", layout=layout), "tc-profile-location")
        self.add_permission = classed(W.Dropdown(
            options=[(p.name.replace("_", " ").capitalize(), p.name) for p in AddPermission],
            description="Add me"), "tc-profile-add-permission")
        self.save = classed(W.Button(description="Save", icon="save", button_style="primary"), "tc-profile-save")
        self.profile: Optional[UserProfile] = None  # as last read or told
        super().__init__(client, [self.face, self.nickname, self.face_url, self.gender, self.signature,
                                  self.location, self.add_permission, self.save], **kwargs)
        self.save.on_click(lambda _: self.submit())
        self.face_url.observe(lambda _: self._show_face(), names="value")
        self._subscribe("self_info_updated", self._show_profile)
        self.refresh()

    def refresh(self) -> None:
        """Reads one's profile again (nobody logged in: the form says so)."""
        user = self._client.user_id
        if user is None:
            self._show("Log in to edit your profile.", "info")
            return
        try:
            [profile] = self._client.profile_list([user])
        except TIMError as exc:
            self._show(f"Error {exc.code} {exc.name}: {exc.desc}", "error")
            return
        self._show_profile(profile)

    def _show_profile(self, profile: UserProfile) -> None:
        """Fills the fields (also on the engine's thread, from ``self_info_updated``)."""
        self.profile = profile
        self.nickname.value = profile.nickname
        self.face_url.value = profile.face_url
        self.gender.value = profile.gender.name
        self.signature.value = profile.signature
        self.location.value = profile.location
        self.add_permission.value = profile.add_permission.name
        self._show_face()

    def _show_face(self) -> None:
        self.face.value = face_html(self.nickname.value or (self._client.user_id or ""), self.face_url.value)

    def changes(self) -> dict[str, Any]:
        """The fields that differ from the profile shown, as ``set_self_profile`` takes them."""
        before = self.profile
        now: dict[str, Any] = {"nickname": self.nickname.value, "face_url": self.face_url.value.strip(),
                               "gender": Gender[self.gender.value], "signature": self.signature.value,
                               "location": self.location.value,
                               "add_permission": AddPermission[self.add_permission.value]}
        if before is None:
            return now
        return {name: value for name, value in now.items() if getattr(before, name) != value}

    def submit(self) -> None:
        """What clicking Save does."""
        changes = self.changes()
        if not changes:
            self._show("Nothing changed.", "info")
            return
        if changes.get("add_permission") is AddPermission.UNKNOWN:
            self._show("Choose who may add you: Allow any, Need confirm or Deny any.", "error")
            return

        def save() -> str:
            self._client.set_self_profile(**changes)
            return f"Saved {', '.join(sorted(changes))}."

        self._guarded([self.save], save)
