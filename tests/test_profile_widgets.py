"""The profile form and the browser's names and faces (TIMConversationManager.h 943, 965;
TIMManager.h 6.1, 6.2), as a person uses them from Python: real widgets over the local engine,
another user in another process. What the front end draws of a face is tested in the browser
(tests/test_browser.py); here, what the kernel sends it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_library_path, wait_until
from timconv_nb import Client
from timconv_nb.classroom import Classroom
from timconv_nb.profiles import AddPermission, Gender
from timconv_nb.widgets import ConversationBrowser, ProfileForm
from timconv_nb.widgets.profile_form import face_html

XSS = "<img src=x onerror=alert(1)>"




@pytest.fixture
def client(tmp_path: Path):
    with Client(tmp_path / "data", library=engine_library_path()) as c:
        c.login("alice")
        yield c


def test_the_form_shows_and_saves_ones_profile(client: Client) -> None:
    client.set_self_profile(nickname="Alice", add_permission=AddPermission.NEED_CONFIRM)
    form = ProfileForm(client)
    assert (form.nickname.value, form.add_permission.value) == ("Alice", "NEED_CONFIRM")
    assert "tc-face-initial" in form.face.value and ">A<" in form.face.value
    form.signature.value = "hello"
    form.gender.value = "FEMALE"
    form.face_url.value = "https://example.com/a.png"
    assert "loading='lazy'" in form.face.value and "https://example.com/a.png" in form.face.value
    form.save.click()
    assert form.message == "Saved face_url, gender, signature."
    [me] = client.profile_list(["alice"])
    assert (me.signature, me.gender, me.face_url, me.nickname) == ("hello", Gender.FEMALE, "https://example.com/a.png",
                                                                  "Alice")
    form.save.click()
    assert form.message == "Nothing changed."
    form.close()


def test_the_form_shows_errors_never_a_traceback(client: Client) -> None:
    client.set_self_profile(add_permission=AddPermission.ALLOW_ANY)
    form = ProfileForm(client)
    form.nickname.value = "x" * 501
    form.save.click()
    assert form.message.startswith("Error: nickname is at most 500 bytes")
    form.nickname.value = "ok"
    form.add_permission.value = "UNKNOWN"  # what a profile never set reads: not a choice (40605)
    form.save.click()
    assert "Allow any" in form.message and client.profile_list(["alice"])[0].nickname == ""
    client.logout()
    form.nickname.value = "after logout"
    form.add_permission.value = "ALLOW_ANY"
    form.save.click()
    assert form.message.startswith("Error -2 TIM_ERR_NOTLOGIN")
    form.close()


def test_faces_are_escaped_and_only_http(client: Client) -> None:
    assert "tc-face-initial" in face_html("bob", "javascript:alert(1)")
    assert "tc-face-initial" in face_html("bob", "data:image/png;base64,AAAA")
    hostile = face_html(XSS, "https://example.com/x.png' onerror='alert(1)")
    assert "onerror='alert" not in hostile and "&#x27; onerror=&#x27;" in hostile
    assert "<img src=x" not in face_html(XSS, "")


def test_the_browser_shows_names_and_faces_and_follows_a_change_elsewhere(tmp_path: Path) -> None:
    with Client(tmp_path / "data", library=engine_library_path()) as alice:
        alice.login("alice")
        alice.create_conversation("bob")
        alice.create_conversation("mallory")
        browser = ConversationBrowser(alice)
        rows = dict(zip(browser.row_keys, browser.table.rows()))
        assert rows["c2c_bob"]["conversation"] == ["bob", ""]
        with Classroom(alice, ["bob", "mallory"]) as peers:
            peers["bob"].set_self_profile(nickname="Bob", face_url="https://example.com/b.png")
            peers["mallory"].set_self_profile(nickname=XSS, face_url="javascript:alert(1)")
            assert wait_until(lambda: dict(zip(browser.row_keys, browser.table.rows()))["c2c_bob"]["conversation"]
                              == ["Bob (bob)", "https://example.com/b.png"])
            assert wait_until(lambda: dict(zip(browser.row_keys, browser.table.rows()))["c2c_mallory"]["conversation"]
                              == [f"{XSS} (mallory)", ""])  # text (the front end sets it as text), no face
        browser.search.value = "BOB"  # the search finds the name too
        assert browser.row_keys == ["c2c_bob"]
        browser.close()
