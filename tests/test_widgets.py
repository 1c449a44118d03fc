"""The widgets at widget level, over the real engine: set values, click, and check both the
engine's state and what the widget shows. Events from the engine's thread (and from calls
made outside the widgets) update them."""

from __future__ import annotations

import asyncio
import threading

import pytest

from conftest import wait_until
from timconv_nb import Client, MarkType
from timconv_nb.membership import MemberRole
from timconv_nb.widgets import (
    ConversationBrowser,
    CreateConversationForm,
    DeleteConversationForm,
    DraftEditor,
    GroupForm,
    OrganizeForm,
)

XSS = "<img src=x onerror=alert(1)>"




def classes(widget) -> set:
    return set(widget._dom_classes)


def cells(browser: ConversationBrowser) -> dict:
    """Each shown row's cells as the front end draws them, by conversation key."""
    return dict(zip(browser.row_keys, browser.table.rows()))


def test_create_form(client: Client) -> None:
    form = CreateConversationForm(client)
    assert "tc-create" in classes(form) and "tc-create-id" in classes(form.conv_id)
    assert "tc-create-button" in classes(form.button) and "tc-create-type" in classes(form.conv_type)
    form.conv_id.value = "book-club"
    form.conv_type.value = "group"
    form.button.click()
    assert form.message == "Created group_book-club (book-club)."
    assert "tc-ok" in form._message.value and not form.button.disabled
    assert [c.key for c in client.conversation_list()] == ["group_book-club"]


@pytest.mark.parametrize("value,message", [("", "Enter a conversation id."), ("   ", "Enter a conversation id."),
                                           ("x" * 128, "must be 1 to 127 bytes of UTF-8, not 128"), ("a\0b", "NUL"),
                                           ("\ud800", "not valid Unicode")])
def test_create_form_validates_before_calling(client: Client, value: str, message: str) -> None:
    form = CreateConversationForm(client)
    form.conv_id.value = value
    form.button.click()
    assert message in form.message and "tc-error" in form._message.value
    assert client.conversation_list() == []


def test_sdk_errors_show_code_and_description(client: Client) -> None:
    form = DraftEditor(client)
    assert form.selected is None and form.edit_time.value == "No draft"
    form.save.click()  # nothing to pick
    assert form.message == "Error: Pick a conversation first."
    client.create_conversation("bob")
    form.refresh()
    client.delete_conversation("bob")
    form._picker.value = "c2c_bob"  # a stale choice, as after a race
    form.save.click()
    assert form.message.startswith("Error -5 TIM_ERR_CONV:") and "c2c_bob" in form.message
    assert "tc-error" in form._message.value


def test_delete_form_asks_then_deletes(client: Client) -> None:
    client.create_conversation("bob")
    client.create_conversation("carol")
    form = DeleteConversationForm(client)
    assert form.selected == "c2c_carol"
    form.selected = "c2c_bob"
    form.button.click()
    assert form.confirming and form.message == "Delete c2c_bob and its messages?"
    form.cancel.click()
    assert not form.confirming and form.message == "Nothing was deleted."
    assert len(client.conversation_list()) == 2
    form.button.click()
    form.confirm.click()
    assert form.message == "Deleted c2c_bob." and not form.confirming
    assert [c.key for c in client.conversation_list()] == ["c2c_carol"]
    assert wait_until(lambda: form._picker.options == ("c2c_carol",))


def test_draft_editor_loads_saves_and_cancels(client: Client) -> None:
    client.create_conversation("bob")
    client.set_draft("bob", "existing", user_define="ud")
    editor = DraftEditor(client)
    assert editor.selected == "c2c_bob"
    assert (editor.text.value, editor.user_define.value) == ("existing", "ud")
    assert editor.edit_time.value.startswith("Last edited ")
    editor.text.value = "new text"
    editor.user_define.value = "mine"
    editor.save.click()
    assert editor.message == "Draft saved for c2c_bob."
    draft = client.conversation("bob").draft
    assert (draft.text, draft.user_define) == ("new text", "mine")
    editor.cancel.click()
    assert editor.message == "Draft removed from c2c_bob."
    assert client.conversation("bob").draft is None
    assert editor.text.value == "" and editor.edit_time.value == "No draft"


def test_events_show_the_picked_conversation_without_asking_the_client(client: Client) -> None:
    """An event carries the conversation whole: the forms show it from the event alone (on the
    engine's thread, where a call would wait for itself), and keep what is being typed when the
    event leaves the draft as shown."""
    client.create_conversation("carol")
    client.set_draft("carol", "carol's draft")
    client.create_conversation("bob")
    editor, organize = DraftEditor(client), OrganizeForm(client)
    assert editor.selected == organize.selected == "c2c_bob" and editor.text.value == ""
    recorder = client.start_recording()

    def elsewhere() -> None:
        client.set_draft("bob", "typed elsewhere", user_define="ud")
        client.mark_conversations(["c2c_bob"], MarkType.STAR, True)

    worker = threading.Thread(target=elsewhere)
    worker.start()
    worker.join()
    assert wait_until(lambda: editor.text.value == "typed elsewhere" and "Marks: star" in organize.summary.value)
    assert editor.user_define.value == "ud" and editor.edit_time.value.startswith("Last edited ")

    editor.text.value = "half-typed"
    organize.custom_data.value = "half-typed too"
    client.send_text("bob", "ping")  # an update of bob that leaves its draft and custom data as they were
    assert wait_until(lambda: editor._known["c2c_bob"].last_message_text == "ping")
    assert editor.text.value == "half-typed" and organize.custom_data.value == "half-typed too"

    client.delete_conversation("bob")  # the picked one goes: the forms pick carol and show her as known
    assert wait_until(lambda: editor.selected == "c2c_carol" and editor.text.value == "carol's draft")
    assert organize.selected == "c2c_carol" and "Marks: none" in organize.summary.value
    calls = [record.function for record in recorder.records if record.kind == "call"]
    assert calls == ["TIMConvSetDraft", "TIMConvMarkConversation", "TIMMsgSendMessage", "TIMConvDelete"]
    editor.close()
    organize.close()


def test_browser_filters_searches_and_drives_the_forms(client: Client) -> None:
    for name, kind in [("bob", "c2c"), ("carol", "c2c"), ("book-club", "group")]:
        client.create_conversation(name, kind)
    browser = ConversationBrowser(client)
    assert browser.row_keys == ["group_book-club", "c2c_carol", "c2c_bob"]
    assert browser.count.value == "3 of 3 conversations"
    browser.type_filter.value = "c2c"
    assert browser.row_keys == ["c2c_carol", "c2c_bob"]
    browser.search.value = "BO"
    assert browser.row_keys == ["c2c_bob"]
    browser.type_filter.value = "all"
    assert browser.row_keys == ["group_book-club", "c2c_bob"]
    browser.search.value = ""
    browser.table.selected = "c2c_bob"  # as a click on its row does
    assert browser.delete_form.selected == "c2c_bob" and browser.draft_editor.selected == "c2c_bob"
    browser.create_form.conv_id.value = "dave"
    browser.create_form.button.click()
    assert wait_until(lambda: browser.row_keys[0] == "c2c_dave")
    browser.close()


def test_browser_lists_the_conversations_once_for_its_table_and_forms(client: Client) -> None:
    # A listing of 100,000 conversations takes seconds: the table and the three picking forms share one.
    for name in ("bob", "carol"):
        client.create_conversation(name)
    with client.recording() as recorder:
        browser = ConversationBrowser(client)
    listings = [r.function for r in recorder.records if r.function == "TIMConvGetConvList"]
    assert listings == ["TIMConvGetConvList"]
    assert browser.row_keys == ["c2c_carol", "c2c_bob"]
    for form in (browser.delete_form, browser.draft_editor, browser.organize_form):
        assert form.selected == "c2c_carol" and list(form._picker.options) == ["c2c_carol", "c2c_bob"]
    browser.reload()  # asked for, it lists again
    browser.close()


def test_browser_applies_events_from_other_calls_and_threads(client: Client) -> None:
    client.create_conversation("bob")
    browser = ConversationBrowser(client)
    reloads = []
    browser.reload = lambda: reloads.append(1)  # events must not list everything again

    def elsewhere() -> None:
        client.create_conversation("carol")
        client.set_draft("bob", "typed elsewhere")
        client.send_text("bob", "ping")

    worker = threading.Thread(target=elsewhere)
    worker.start()
    worker.join()
    assert wait_until(lambda: browser.row_keys == ["c2c_bob", "c2c_carol"])
    bob = cells(browser)["c2c_bob"]
    assert bob["draft"] == "typed elsewhere" and bob["last_message"] == "alice: ping"
    client.delete_conversation("carol")
    assert wait_until(lambda: browser.row_keys == ["c2c_bob"])
    assert reloads == []
    browser.close()


def test_user_text_is_never_markup(client: Client) -> None:
    client.create_conversation(XSS)
    client.set_draft(XSS, XSS, user_define=XSS)
    browser = ConversationBrowser(client)
    create = browser.create_form
    create.conv_id.value = XSS + "2"
    create.button.click()
    assert XSS not in create._message.value and "&lt;img" in create._message.value
    browser.table.selected = "c2c_" + XSS
    browser.draft_editor.save.click()
    for widget in (browser.count, browser.draft_editor._message, browser.delete_form._message,
                   browser.draft_editor.edit_time):
        assert "<img" not in widget.value
    browser.delete_form.button.click()
    assert "<img" not in browser.delete_form._message.value and XSS in browser.delete_form.message
    browser.close()


def test_blocking_call_from_an_event_handler_is_refused_clearly(client: Client) -> None:
    errors = []

    def handler(event, conversations):
        try:
            client.conversation_list()
        except RuntimeError as exc:
            errors.append(str(exc))

    client.on("add", handler)
    client.create_conversation("bob")
    assert errors and "would wait for the engine's own thread" in errors[0]


def test_organize_form_marks_groups_and_custom_data(client: Client) -> None:
    client.create_conversation("bob")
    form = OrganizeForm(client)
    assert form.selected == "c2c_bob" and "Marks: none" in form.summary.value
    form.set_mark.click()
    assert form.message == "Marked c2c_bob star." and client.conversation("bob").marks == ("star",)
    form.group.value = "friends"
    form.add_group.click()  # creates the group
    assert form.message == "Added c2c_bob to group 'friends'." and client.conversation_group_list() == ["friends"]
    client.create_conversation("carol")
    form.selected = "c2c_carol"
    form.add_group.click()  # adds to the existing group
    assert client.conversation("carol").groups == ("friends",)
    form.custom_data.value = XSS
    form.save_custom.click()
    assert client.conversation("carol").custom_data == XSS
    form.selected = "c2c_bob"
    assert "Marks: star" in form.summary.value and "Groups: friends" in form.summary.value
    form.remove_group.click()
    form.clear_mark.click()
    assert client.conversation("bob").marks == () and client.conversation("bob").groups == ()
    # errors are messages, never tracebacks
    form.group.value = "x" * 33
    form.add_group.click()
    assert "must be 1 to 32 bytes of UTF-8, not 33" in form.message and "tc-error" in form._message.value
    form.group.value = "nope"
    form.remove_group.click()
    assert form.message.startswith("Error 51009")
    form.custom_data.value = "é" * 200
    form.save_custom.click()
    assert "at most 256 bytes" in form.message
    form.selected = "c2c_carol"
    assert XSS not in form.summary.value and html_free(form._message.value)
    form.selected = "c2c_nobody"  # typed: shown as not listed, without asking the client
    assert form.summary.value == "c2c_nobody is not in the conversation list"


def html_free(markup: str) -> bool:
    return "<img" not in markup


def test_browser_group_filter_follows_group_events(client: Client) -> None:
    for peer in ("bob", "carol", "dave"):
        client.create_conversation(peer)
    browser = ConversationBrowser(client)
    assert [label for label, _ in browser.group_filter.options] == ["All groups"]
    client.create_conversation_group("friends", ["c2c_bob", "c2c_dave"])
    assert wait_until(lambda: "friends" in [v for _, v in browser.group_filter.options])
    browser.group_filter.value = "friends"
    assert wait_until(lambda: browser.row_keys == ["c2c_dave", "c2c_bob"])
    assert cells(browser)["c2c_dave"]["groups"] == "friends"
    client.rename_conversation_group("friends", "pals")
    assert wait_until(lambda: [v for _, v in browser.group_filter.options] == ["", "pals"])
    assert browser.group_filter.value == ""  # the renamed choice is gone: all rows again
    browser.group_filter.value = "pals"
    assert wait_until(lambda: browser.row_keys == ["c2c_dave", "c2c_bob"])
    client.delete_conversation_group("pals")
    assert wait_until(lambda: [v for _, v in browser.group_filter.options] == [""])
    assert wait_until(lambda: len(browser.row_keys) == 3)
    browser.table.selected = "c2c_carol"
    assert browser.organize_form.selected == "c2c_carol"
    browser.close()


def test_widgets_need_a_client() -> None:
    with pytest.raises(TypeError, match="timconv_nb.Client"):
        CreateConversationForm("not a client")
    with pytest.raises(TypeError, match="timconv_nb.Client"):
        ConversationBrowser(None)


def test_browser_rows_show_mentions_and_muted_conversations(client: Client) -> None:
    """A group row names its unread @ reminders; a conversation not set to Receive says it is muted
    (the vendor's receive options and GroupAtInfo, docs/vendor.md)."""
    from timconv_nb import AT_ALL, ReceiveOpt

    client.create_group("Team", "team", "work", members=["bob"])
    client.login("bob")
    client.send_text("team", "look", "group", at=["alice"])
    client.send_text("team", "everyone", "group", at=[AT_ALL])
    client.login("alice")
    client.set_c2c_receive_option(["carol"], ReceiveOpt.NOT_NOTIFY)
    client.create_conversation("carol")
    browser = ConversationBrowser(client)
    rows = cells(browser)
    assert rows["group_team"]["last_message"] == "[@me/all] bob: everyone" and rows["group_team"]["type"] == "Group"
    assert rows["c2c_carol"]["type"] == "C2C (muted)" and rows["c2c_carol"]["last_message"] == ""
    client.mark_read("team", "group")  # the reminders go with the messages read
    assert wait_until(lambda: cells(browser)["group_team"]["last_message"] == "bob: everyone")



def test_group_form_creates_joins_quits_and_dismisses(client: Client) -> None:
    form = GroupForm(client)
    assert {"tc-group"} <= classes(form) and "tc-group-create" in classes(form.buttons["create"])
    form.buttons["create"].click()
    assert form.message == "Enter a group name." and client.group_list() == []
    form.name.value = XSS
    form.group_id.value = "club"
    form.group_type.value = "CHATROOM"
    form.members.value = "bob, carol"
    form.buttons["create"].click()
    assert form.message == "Created group club." and "tc-ok" in form._message.value
    assert XSS not in form.joined.value and "&lt;img" in form.joined.value  # the name is shown as text
    assert "Groups joined: 1" in form.joined.value and "Meeting, owner" in form.joined.value
    form.buttons["quit"].click()  # the owner of a Meeting group may not quit
    assert "10009" in form.message and "tc-error" in form._message.value
    client.login("dave")
    form.refresh()
    form.buttons["join"].click()
    assert form.message == "Joined club." and "Meeting, normal" in form.joined.value
    form.buttons["dismiss"].click()
    assert "10007" in form.message and "only the owner" in form.message
    form.buttons["quit"].click()
    assert form.message == "Quit club." and "Groups joined: 0" in form.joined.value
    client.login("alice")
    form.name.value = "n" * 31  # TIMErrorCode.h 87: a group name is at most 30 bytes
    form.buttons["rename"].click()
    assert "30 bytes" in form.message and "tc-error" in form._message.value
    form.name.value = "Book club"
    form.buttons["rename"].click()
    assert form.message == "Renamed club." and "club: Book club (Meeting, owner)" in form.joined.value
    form.buttons["dismiss"].click()
    assert form.message == "Dismissed club."
    form.group_id.value = ""
    form.buttons["join"].click()
    assert form.message == "Enter a group id."
    form.close()


def test_group_form_invites_removes_and_sets_roles(client: Client) -> None:
    client.create_group("Team", "team", "work", members=["bob"])
    form = GroupForm(client)
    form.group_id.value = "team"
    form.member_buttons["invite"].click()
    assert form.message == "Enter the members (bob, carol)." and "tc-error" in form._message.value
    form.members.value = "carol, bob"
    form.member_buttons["invite"].click()
    assert form.message == "Invited to team: carol (done), bob (already member)."
    form.members.value = "carol"
    form.member_buttons["set_role"].click()
    assert form.message == "carol: admin in team."
    assert {m.user_id: m.role for m in client.member_list("team")}["carol"] is MemberRole.ADMIN
    form.members.value = "carol, dave"
    form.member_buttons["remove"].click()
    assert form.message == "Removed from team: carol (done), dave (failed)."
    client.login("bob")
    form.members.value = "alice"
    form.member_buttons["remove"].click()  # the vendor's code, shown in the form (TIMGroupManager.h 1265)
    assert "10007" in form.message and "tc-error" in form._message.value
    form.close()


def test_group_form_follows_tips_from_others(client: Client) -> None:
    client.create_group("Club", "club", "meeting")
    form = GroupForm(client)
    client.login("bob")
    client.join_group("club")  # bob's own tip reaches the form as an event
    assert wait_until(lambda: form.message == "bob joined club (2 members)")
    form.close()


def test_group_form_lists_the_groups_again_on_the_loop_it_was_made_on(client: Client) -> None:
    """In a notebook the form is made on the kernel's asyncio loop: a tip has that loop list the
    joined groups again with the awaitable call (a tip does not carry the group's name, type or
    the user's role), so the listing is made on the loop's thread and no thread is started."""
    client.create_group("Club", "club", "meeting")
    recorder = client.start_recording()

    async def scenario() -> None:
        form = GroupForm(client)
        assert "Meeting, owner" in form.joined.value
        client.login("bob")
        await client.join_group_async("club")  # bob's own tip reaches the form as an event
        for _ in range(300):
            if "Meeting, normal" in form.joined.value:
                break
            await asyncio.sleep(0.01)
        assert form.message == "bob joined club (2 members)" and "Meeting, normal" in form.joined.value
        form.close()

    threads = {thread.ident for thread in threading.enumerate()}
    asyncio.run(scenario())
    listings = [r for r in recorder.records if r.kind == "call" and r.function == "TIMGroupGetJoinedGroupList"]
    assert len(listings) == 2 and {r.thread_id for r in listings} == {threading.get_ident()}
    # No thread started: the only one Python met anew is the engine's own, which delivered the events.
    engine = {r.thread_id for r in recorder.records if r.kind == "event"}
    assert {thread.ident for thread in threading.enumerate()} - threads <= engine


def test_browser_rows_show_revoked_messages(client: Client) -> None:
    sent = client.send_text("bob", "oops")
    browser = ConversationBrowser(client)
    client.revoke_message(sent)
    assert wait_until(lambda: cells(browser)["c2c_bob"]["last_message"] == "alice: (revoked by alice) oops")
    browser.close()
