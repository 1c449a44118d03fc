"""ipywidgets forms over a :class:`~timconv_nb.Client`: create and delete conversations, edit
drafts, organise conversations (marks, conversation groups, custom data), and a live
conversation browser that holds them.

Every widget is a ``VBox`` with stable CSS classes (``tc-create-id``, ``tc-draft-save``, ...)
for tests and users' styling. Forms check their input before calling and show the outcome in
an inline message; SDK errors show their code and description; no traceback reaches the cell.
Buttons are disabled while a call runs. Everything user-supplied is shown as text or escaped.

Conversation events arrive on the engine's thread; widgets apply them by setting traits, which
ipywidgets sends to the front end from any thread (never through ``with output:``).
"""

from __future__ import annotations

import html
import itertools
import logging
import threading
from datetime import datetime
from typing import Any, Callable, Optional

import ipywidgets as W

from . import wire as k
from .client import Client
from .errors import TIMError
from .membership import GroupTip, GroupType
from .model import (GROUP_AT_NAMES, Conversation, ConvEvent, ConvType, MarkType, MessageStatus, ReceiveOpt,
                    epoch_to_datetime)
from .table import Column, DataTable
from .arguments import ID_MAX_BYTES
from .wire import ConvKey

__all__ = ["CreateConversationForm", "DeleteConversationForm", "DraftEditor", "OrganizeForm", "ConversationBrowser",
           "GroupForm"]

log = logging.getLogger(__name__)

def classed(widget: W.Widget, *classes: str) -> W.Widget:
    """The widget with these CSS classes added (the stable names tests and users style by)."""
    for name in classes:
        widget.add_class(name)
    return widget


def fit_descriptions(widget: W.Widget) -> None:
    """Gives every description under widget the width of its text, so none is cut
    ("Conversat..."), and lets toggle buttons size to their labels."""
    style = getattr(widget, "style", None)
    if style is not None and hasattr(style, "description_width"):
        style.description_width = "initial"
    if isinstance(style, W.ToggleButtonsStyle):
        style.button_width = "auto"
    for child in getattr(widget, "children", ()):
        fit_descriptions(child)


def _message_html(text: str, kind: str) -> str:
    """An inline message: kind is "ok", "error" or "info"; the text is escaped."""
    colors = {"ok": "#1a7f37", "error": "#cf222e", "info": "#57606a"}
    return f"<span class='tc-{kind}' style='color:{colors[kind]}'>{html.escape(text)}</span>"


def _id_problem(conv_id: str) -> Optional[str]:
    """Why an id typed into a form cannot be used, or None."""
    if not conv_id.strip():
        return "Enter a conversation id."
    if "\0" in conv_id:
        return "The id must not contain NUL characters."
    if len(conv_id.encode("utf-8", "surrogatepass")) > ID_MAX_BYTES:
        return f"The id is too long: at most {ID_MAX_BYTES} bytes of UTF-8."
    return None


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, TIMError):
        return f"Error {exc.code if exc.code is not None else ''} {exc.name}: {exc.desc}".replace("  ", " ")
    return f"Error: {exc}"


class _Form(W.VBox):
    """What every form shares: a client, an inline message, guarded calls, and a list of
    conversations kept current by the client's events."""

    _prefix = "tc-form"

    def __init__(self, client: Client, children: list, **kwargs: Any) -> None:
        if not isinstance(client, Client):
            raise TypeError(f"client must be a timconv_nb.Client, not {type(client).__name__}")
        self._client = client
        self._message = classed(W.HTML(""), f"{self._prefix}-message")
        self.message = ""
        super().__init__(children=children + [self._message], **kwargs)
        self.add_class(self._prefix)
        fit_descriptions(self)

    def _show(self, text: str, kind: str = "info") -> None:
        self.message = text  # the inline message as plain text
        self._message.value = _message_html(text, kind)

    def _guarded(self, buttons: list[W.Button], action: Callable[[], Optional[str]]) -> None:
        """Runs action with the buttons disabled; shows its result or its error."""
        for button in buttons:
            button.disabled = True
        try:
            done = action()
            if done:
                self._show(done, "ok")
        except (TIMError, ValueError, TypeError) as exc:
            self._show(_error_text(exc), "error")
        except Exception as exc:  # a widget must never put a traceback in the cell
            log.exception("%s failed", type(self).__name__)
            self._show(_error_text(exc), "error")
        finally:
            for button in buttons:
                button.disabled = False


class _PickerForm(_Form):
    """A form that acts on one conversation: its key typed, or picked from suggestions (the
    most recently active conversations), or set by the browser's selection. The suggestions are
    bounded, so the page never holds the whole list."""

    _subscriptions: list = []  # (event, handler) pairs to undo on close; none until subscribed
    SUGGESTIONS = 50

    def __init__(self, client: Client, children: list, **kwargs: Any) -> None:
        self._picker = classed(W.Combobox(options=[], placeholder="c2c_<id> or group_<id>", description="Conversation",
                                          ensure_option=False, continuous_update=False), f"{self._prefix}-select")
        self._known: dict[str, Conversation] = {}  # by key, the most recently active last
        self._known_lock = threading.Lock()
        super().__init__(client, [self._picker] + children, **kwargs)
        self._subscriptions = [(kind, client.on(kind, self._on_event)) for kind in ("add", "del", "update")]
        self.refresh()

    @property
    def selected(self) -> Optional[str]:
        """The picked conversation's key (``c2c_<id>`` / ``group_<id>``), or None."""
        return self._picker.value or None

    @selected.setter
    def selected(self, key: Optional[str]) -> None:
        if key and key not in self._known:
            self.refresh()
        self._picker.value = key or ""

    def refresh(self) -> None:
        """Lists the client's conversations again."""
        try:
            conversations = self._client.conversation_list()
        except TIMError as exc:
            self._show(_error_text(exc), "error")
            return
        with self._known_lock:
            self._known = {c.key: c for c in reversed(conversations)}
        self._sync_options()

    def _sync_options(self, gone: frozenset = frozenset()) -> None:
        """Shows the newest suggestions; picks the newest when nothing is picked or the picked
        conversation is gone."""
        with self._known_lock:
            keys = list(itertools.islice(reversed(self._known), self.SUGGESTIONS))
        if list(self._picker.options) != keys:
            self._picker.options = keys
        if not self._picker.value or self._picker.value in gone:
            self._picker.value = keys[0] if keys else ""

    def _on_event(self, event: ConvEvent, conversations: list[Conversation]) -> None:
        with self._known_lock:
            for conv in conversations:
                self._known.pop(conv.key, None)
                if event is not ConvEvent.DEL:
                    self._known[conv.key] = conv
        self._sync_options(frozenset(c.key for c in conversations) if event is ConvEvent.DEL else frozenset())

    def _picked(self) -> tuple[str, ConvType]:
        key = self._picker.value
        if not key:
            raise ValueError("Pick a conversation first.")
        picked = ConvKey.parse(key)
        return picked.conv_id, picked.conv_type

    def _current(self) -> Optional[Conversation]:
        """The picked conversation: asked of the client, or, on the engine's thread (inside an
        event), as the last event told it."""
        key = self._picker.value
        if not key:
            return None
        if not self._client.on_engine_thread():
            conv_id, conv_type = self._picked()
            conv = self._client.conversation(conv_id, conv_type)
            with self._known_lock:
                self._known[key] = conv
            return conv
        with self._known_lock:
            return self._known.get(key)

    def load(self) -> None:
        """Shows the picked conversation (see _show_conversation), or why it cannot."""
        try:
            conv = self._current()
        except (TIMError, ValueError) as exc:
            self._show(_error_text(exc), "error")
            return
        self._show_conversation(conv)

    def _show_conversation(self, conv: Optional[Conversation]) -> None:
        """What the form shows of the picked conversation (None: nothing picked)."""

    def close(self) -> None:
        for kind, handler in self._subscriptions:
            self._client.off(kind, handler)
        self._subscriptions = []
        super().close()


class CreateConversationForm(_Form):
    """An id, a type (C2C or Group) and a Create button (TIMConvCreate)."""

    _prefix = "tc-create"

    def __init__(self, client: Client, **kwargs: Any) -> None:
        self.conv_id = classed(W.Text(placeholder="conversation id", description="Id"), "tc-create-id")
        self.conv_type = classed(W.ToggleButtons(options=[("C2C", "c2c"), ("Group", "group")], value="c2c",
                                                  description="Type"), "tc-create-type")
        self.button = classed(W.Button(description="Create", button_style="primary", icon="plus"),
                               "tc-create-button")
        self.created: Optional[Conversation] = None
        super().__init__(client, [self.conv_id, self.conv_type, self.button], **kwargs)
        self.button.on_click(lambda _: self.create())

    def create(self) -> None:
        """What clicking Create does."""
        problem = _id_problem(self.conv_id.value)
        if problem:
            self._show(problem, "error")
            return

        def action() -> str:
            self.created = self._client.create_conversation(self.conv_id.value, self.conv_type.value)
            return f"Created {self.created.key} ({self.created.show_name})."

        self._guarded([self.button], action)


class DeleteConversationForm(_PickerForm):
    """Pick a conversation, Delete, then Confirm (TIMConvDelete)."""

    _prefix = "tc-delete"

    def __init__(self, client: Client, **kwargs: Any) -> None:
        self.button = classed(W.Button(description="Delete", button_style="danger", icon="trash"), "tc-delete-button")
        self.confirm = classed(W.Button(description="Confirm delete", button_style="danger"), "tc-delete-confirm")
        self.cancel = classed(W.Button(description="Keep it"), "tc-delete-cancel")
        self._confirm_row = W.HBox([self.confirm, self.cancel], layout=W.Layout(display="none"))
        super().__init__(client, [self.button, self._confirm_row], **kwargs)
        self.button.on_click(lambda _: self.ask())
        self.confirm.on_click(lambda _: self.delete())
        self.cancel.on_click(lambda _: self._ask_done("Nothing was deleted."))

    @property
    def confirming(self) -> bool:
        return self._confirm_row.layout.display != "none"

    def ask(self) -> None:
        """What clicking Delete does: asks for confirmation."""
        if self.selected is None:
            self._show("Pick a conversation first.", "error")
            return
        self._confirm_row.layout.display = "flex"
        self._show(f"Delete {self.selected} and its messages?", "info")

    def _ask_done(self, text: str) -> None:
        self._confirm_row.layout.display = "none"
        self._show(text, "info")

    def delete(self) -> None:
        """What clicking Confirm does."""
        self._confirm_row.layout.display = "none"

        def action() -> str:
            conv_id, conv_type = self._picked()
            key = self.selected
            self._client.delete_conversation(conv_id, conv_type)
            return f"Deleted {key}."

        self._guarded([self.button, self.confirm], action)


class DraftEditor(_PickerForm):
    """Pick a conversation; edit its draft's text and user-define; Save or Cancel the draft
    (TIMConvSetDraft, TIMConvCancelDraft). Shows when the draft was last edited."""

    _prefix = "tc-draft"

    def __init__(self, client: Client, **kwargs: Any) -> None:
        self.text = classed(W.Textarea(placeholder="draft text", description="Draft"), "tc-draft-text")
        self.user_define = classed(W.Text(placeholder="your own data", description="User define"),
                                    "tc-draft-user-define")
        self.edit_time = classed(W.HTML(""), "tc-draft-edit-time")
        self.save = classed(W.Button(description="Save draft", button_style="primary", icon="save"), "tc-draft-save")
        self.cancel = classed(W.Button(description="Cancel draft", icon="times"), "tc-draft-cancel")
        super().__init__(client, [self.text, self.user_define, self.edit_time, W.HBox([self.save, self.cancel])],
                         **kwargs)
        self._picker.observe(lambda change: self.load(), names="value")
        self.save.on_click(lambda _: self.save_draft())
        self.cancel.on_click(lambda _: self.cancel_draft())
        self.load()

    def _show_conversation(self, conv: Optional[Conversation]) -> None:
        """Its draft (empty fields when it has none)."""
        draft = conv.draft if conv is not None else None
        self.text.value = draft.text if draft else ""
        self.user_define.value = draft.user_define if draft else ""
        when = draft.edit_time.strftime("%Y-%m-%d %H:%M:%S UTC") if draft and draft.edit_time else None
        self.edit_time.value = html.escape(f"Last edited {when}" if when else "No draft")

    def save_draft(self) -> None:
        """What clicking Save does."""

        def action() -> str:
            conv_id, conv_type = self._picked()
            self._client.set_draft(conv_id, self.text.value, conv_type, user_define=self.user_define.value)
            key = self.selected
            self.load()
            return f"Draft saved for {key}."

        self._guarded([self.save, self.cancel], action)

    def cancel_draft(self) -> None:
        """What clicking Cancel draft does."""

        def action() -> str:
            conv_id, conv_type = self._picked()
            self._client.cancel_draft(conv_id, conv_type)
            key = self.selected
            self.load()
            return f"Draft removed from {key}."

        self._guarded([self.save, self.cancel], action)


def _batch_outcome(results: dict, key: str, done: str) -> str:
    """The message of a batch call made for one conversation: raises its per-id error."""
    error = results.get(key)
    if error is not None:
        raise error
    return done


class OrganizeForm(_PickerForm):
    """Pick a conversation; set or clear a mark (TIMConvMarkConversation), add it to or remove it
    from a conversation group (TIMConvAddConversationsToGroup, creating the group when needed,
    TIMConvDeleteConversationsFromGroup), and edit its custom data
    (TIMConvSetConversationCustomData). Shows its marks, groups and custom data."""

    _prefix = "tc-organize"

    def __init__(self, client: Client, **kwargs: Any) -> None:
        self.summary = classed(W.HTML(""), "tc-organize-summary")
        self.mark = classed(W.Dropdown(options=[(m.name.capitalize(), int(m)) for m in MarkType],
                                        value=int(MarkType.STAR), description="Mark"), "tc-organize-mark")
        self.set_mark = classed(W.Button(description="Set mark", icon="star"), "tc-organize-set-mark")
        self.clear_mark = classed(W.Button(description="Clear mark"), "tc-organize-clear-mark")
        self.group = classed(W.Text(placeholder="group name (1 to 32 bytes)", description="Group"),
                              "tc-organize-group")
        self.add_group = classed(W.Button(description="Add to group", icon="folder-plus"), "tc-organize-add-group")
        self.remove_group = classed(W.Button(description="Remove from group"), "tc-organize-remove-group")
        self.custom_data = classed(W.Text(placeholder="at most 256 bytes", description="Custom data"),
                                    "tc-organize-custom-data")
        self.save_custom = classed(W.Button(description="Save custom data", icon="save"), "tc-organize-save-custom")
        self._buttons = [self.set_mark, self.clear_mark, self.add_group, self.remove_group, self.save_custom]
        super().__init__(client, [self.summary, W.HBox([self.mark, self.set_mark, self.clear_mark]),
                                  W.HBox([self.group, self.add_group, self.remove_group]),
                                  W.HBox([self.custom_data, self.save_custom])], **kwargs)
        self._picker.observe(lambda change: self.load(), names="value")
        self.set_mark.on_click(lambda _: self.mark_selected(True))
        self.clear_mark.on_click(lambda _: self.mark_selected(False))
        self.add_group.on_click(lambda _: self.add_to_group())
        self.remove_group.on_click(lambda _: self.remove_from_group())
        self.save_custom.on_click(lambda _: self.save_custom_data())
        self.load()

    def _show_conversation(self, conv: Optional[Conversation]) -> None:
        """Its marks, groups and custom data."""
        if conv is None:
            self.summary.value = html.escape("No conversation picked")
            return
        self.summary.value = html.escape(f"Marks: {', '.join(conv.marks) or 'none'} · "
                                         f"Groups: {', '.join(conv.groups) or 'none'}")
        self.custom_data.value = conv.custom_data

    def _act(self, call: Callable[[str], dict], done: str) -> None:
        """Runs a batch call for the picked conversation and reloads what it shows."""

        def action() -> str:
            self._picked()
            key = self.selected
            outcome = _batch_outcome(call(key), key, done.format(key=key))
            self.load()
            return outcome

        self._guarded(self._buttons, action)

    def mark_selected(self, enable: bool) -> None:
        """What clicking Set mark (enable) or Clear mark does."""
        name = MarkType(self.mark.value).name.lower()
        self._act(lambda key: self._client.mark_conversations([key], self.mark.value, enable),
                  f"{'Marked' if enable else 'Unmarked'} {{key}} {name}.")

    def _group_name(self) -> str:
        name = self.group.value.strip()
        if not name:
            raise ValueError("Enter a group name.")
        if len(name.encode("utf-8", "surrogatepass")) > 32:
            raise ValueError("A group name is at most 32 bytes of UTF-8.")
        return name

    def add_to_group(self) -> None:
        """What clicking Add to group does: creates the group when it does not exist yet."""

        def call(key: str) -> dict:
            name = self._group_name()
            if name in self._client.conversation_groups():
                return self._client.add_to_conversation_group(name, [key])
            return self._client.create_conversation_group(name, [key])

        self._act(call, f"Added {{key}} to group {self.group.value.strip()!r}.")

    def remove_from_group(self) -> None:
        """What clicking Remove from group does."""
        self._act(lambda key: self._client.remove_from_conversation_group(self._group_name(), [key]),
                  f"Removed {{key}} from group {self.group.value.strip()!r}.")

    def save_custom_data(self) -> None:
        """What clicking Save custom data does."""
        self._act(lambda key: self._client.set_custom_data([key], self.custom_data.value),
                  "Custom data saved for {key}.")


class GroupForm(_Form):
    """Groups of users (TIMGroupManager.h): a group id, and Create (with a name, a type and the
    initial members), Join, Quit and Dismiss buttons; below, the groups the user is in, kept
    current by the group tips."""

    _prefix = "tc-group"

    def __init__(self, client: Client, **kwargs: Any) -> None:
        layout = W.Layout(width="auto")
        self.group_id = classed(W.Text(placeholder="group id (empty: generated on create)", description="Group id",
                                       layout=layout), "tc-group-id")
        self.name = classed(W.Text(placeholder="group name", description="Name", layout=layout),
                            "tc-group-name")
        types = (GroupType.PRIVATE, GroupType.PUBLIC, GroupType.CHATROOM, GroupType.AVCHATROOM, GroupType.COMMUNITY)
        self.group_type = classed(W.Dropdown(options=[(t.label, t.name) for t in types], value="PRIVATE",
                                             description="Type"), "tc-group-type")
        self.members = classed(W.Text(placeholder="bob, carol", description="Members", layout=layout),
                               "tc-group-members")
        self.buttons = {
            name: classed(W.Button(description=name.capitalize(), icon=icon,
                                   button_style="primary" if name == "create" else ""), f"tc-group-{name}")
            for name, icon in (("create", "plus"), ("join", "sign-in"), ("quit", "sign-out"), ("dismiss", "trash"))
        }
        self.joined = classed(W.HTML(""), "tc-group-joined")
        super().__init__(client, [self.group_id, self.name, self.group_type, self.members,
                                  W.HBox(list(self.buttons.values())), self.joined], **kwargs)
        for name, button in self.buttons.items():
            button.on_click(lambda _, act=getattr(self, name): act())
        self._tip_handler = client.on("group_tip", self._on_tip)
        self.refresh()

    def _id(self, required: bool = True) -> Optional[str]:
        group_id = self.group_id.value.strip()
        if not group_id and required:
            self._show("Enter a group id.", "error")
            return None
        return group_id

    def refresh(self) -> None:
        """Shows the groups the user is in (nobody logged in: none)."""
        try:
            groups = self._client.joined_groups()
        except TIMError:
            groups = []
        rows = "".join(f"<li>{html.escape(g.group_id)}: {html.escape(g.name)} ({g.group_type.label}, "
                       f"{g.role.name.lower()})</li>" for g in groups)
        self.joined.value = f"<b>Groups joined: {len(groups)}</b><ul>{rows}</ul>"

    def _on_tip(self, tip: GroupTip) -> None:
        self._show(tip.summary, "info")
        threading.Thread(target=self.refresh, daemon=True).start()  # not on the engine's thread

    def _run(self, action: Callable[[], str]) -> None:
        def guarded() -> str:
            done = action()
            self.refresh()
            return done

        self._guarded(list(self.buttons.values()), guarded)

    def create(self) -> None:
        """What clicking Create does."""
        name = self.name.value.strip()
        if not name:
            self._show("Enter a group name.", "error")
            return
        members = [m.strip() for m in self.members.value.split(",") if m.strip()]
        group_id = self._id(required=False) or None
        self._run(lambda: f"Created group {self._client.create_group(name, group_id, self.group_type.value, members=members)}.")

    def join(self) -> None:
        group_id = self._id()
        if group_id:
            self._run(lambda: (self._client.join_group(group_id), f"Joined {group_id}.")[1])

    def quit(self) -> None:
        group_id = self._id()
        if group_id:
            self._run(lambda: (self._client.quit_group(group_id), f"Quit {group_id}.")[1])

    def dismiss(self) -> None:
        group_id = self._id()
        if group_id:
            self._run(lambda: (self._client.dismiss_group(group_id), f"Dismissed {group_id}.")[1])

    def close(self) -> None:
        self._client.off("group_tip", self._tip_handler)
        super().close()


def _activity(conv: Conversation) -> tuple:
    """What changes when a conversation becomes active: its active time or its last message."""
    return conv.active_time, (conv.last_message or {}).get(k.kTIMMsgMsgId)


def _when(moment: Optional[datetime]) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


def _epoch(moment: Optional[datetime]) -> float:
    return moment.timestamp() if moment else 0.0


def _conversation_cell(conv: Conversation) -> str:
    name = conv.show_name
    return conv.conv_id if not name or name == conv.conv_id else f"{name} ({conv.conv_id})"


def _type_cell(conv: Conversation) -> str:
    kind = "C2C" if conv.conv_type is ConvType.C2C else "Group"
    return kind if conv.recv_opt == ReceiveOpt.RECEIVE else f"{kind} (muted)"


def _last_message_cell(conv: Conversation) -> str:
    """The last message as a line: who sent it, @ marks, a revoke; shown as text, never HTML."""
    message = conv.last_message or {}
    text = conv.last_message_text
    if message.get(k.kTIMMsgStatus) == MessageStatus.REVOKED:
        text = f"(revoked by {message.get(k.kTIMMsgRevokerUserId, '')}) {text}"
    sender = message.get(k.kTIMMsgSender)
    if sender:
        text = f"{sender}: {text}"
    if conv.group_at:
        text = f"[@{'/'.join(GROUP_AT_NAMES[at] for _, at in conv.group_at)}] {text}"
    return text


def _last_time(conv: Conversation) -> Optional[datetime]:
    """When the last message was sent, or when the conversation was last active."""
    sent = (conv.last_message or {}).get(k.kTIMMsgServerTime)
    return epoch_to_datetime(sent) if sent else conv.active_time


TIME = 10.5  # em: "2026-12-01 19:45" and its header, in the UI font
CONVERSATION_COLUMNS = [
    Column("conversation", "Conversation", _conversation_cell, width=9, grow=1.3),
    Column("type", "Type", _type_cell, width=7),
    Column("unread", "Unread", lambda c: c.unread, kind="badge", width=4.5),
    Column("last_message", "Last message", _last_message_cell, width=10, grow=2),
    Column("time", "Time", lambda c: _when(_last_time(c)), width=TIME, sort_value=lambda c: _epoch(_last_time(c))),
    Column("draft", "Draft", lambda c: c.draft.text if c.draft else "", width=6, grow=1),
    Column("draft_edited", "Draft edited", lambda c: _when(c.draft.edit_time) if c.draft else "", width=TIME,
           sort_value=lambda c: _epoch(c.draft.edit_time) if c.draft else 0.0),
    Column("pinned", "Pinned", lambda c: c.pinned, kind="flag", icon="pin", width=4.5),
    Column("marks", "Marks", lambda c: ", ".join(c.marks), width=5, grow=0.5),
    Column("groups", "Groups", lambda c: ", ".join(c.groups), width=5, grow=0.5),
]


class ConversationBrowser(W.VBox):
    """Every conversation in a table (see :class:`~timconv_nb.table.DataTable`): sortable by any
    column, filterable by type and conversation group, searchable by id or name, kept current
    by conversation and group events (each event changes only the rows it names). Selecting a
    row (click, or Enter) picks that conversation in the forms below it."""

    _subscriptions: list = []  # (event, handler) pairs to undo on close; none until subscribed
    _forms: tuple = ()  # the forms it holds, closed with it
    table: Optional[DataTable] = None  # made in __init__ (after the checks), closed with it

    def __init__(self, client: Client, rows: int = 12, **kwargs: Any) -> None:
        if not isinstance(client, Client):
            raise TypeError(f"client must be a timconv_nb.Client, not {type(client).__name__}")
        self._client = client
        self._lock = threading.Lock()  # one event at a time: the activation count and the table
        self._activations = itertools.count(1)
        self.type_filter = classed(W.Dropdown(options=[("All", "all"), ("C2C", "c2c"), ("Group", "group")],
                                              value="all", description="Show",
                                              layout=W.Layout(width="auto")), "tc-browser-type")
        self.search = classed(W.Text(placeholder="search id or name", description="Search",
                                     layout=W.Layout(width="auto", flex="1 1 12em")), "tc-browser-search")
        self.group_filter = classed(W.Dropdown(options=[("All groups", "")], value="", description="Group",
                                               layout=W.Layout(width="auto")), "tc-browser-group")
        self.count = classed(W.HTML(""), "tc-browser-count")
        self.table = classed(DataTable(CONVERSATION_COLUMNS, label="Conversations", visible_rows=rows),
                             "tc-browser-table")
        self.create_form = CreateConversationForm(client)
        self.delete_form = DeleteConversationForm(client)
        self.draft_editor = DraftEditor(client)
        self.organize_form = OrganizeForm(client)
        self._forms = (self.create_form, self.delete_form, self.draft_editor, self.organize_form)
        forms = W.Tab(children=list(self._forms))
        for i, title in enumerate(["Create", "Delete", "Draft", "Organize"]):
            forms.set_title(i, title)
        filters = W.HBox([self.type_filter, self.group_filter, self.search], layout=W.Layout(flex_flow="row wrap"))
        super().__init__(children=[filters, self.count, self.table, forms], **kwargs)
        self.add_class("tc-browser")
        fit_descriptions(filters)
        for control in (self.type_filter, self.group_filter, self.search):
            control.observe(lambda _: self._apply_filters(), names="value")
        self.table.observe(self._on_select, names="selected")
        self._subscriptions = [(kind, client.on(kind, self._on_event)) for kind in ("add", "del", "update")]
        self._subscriptions += [
            ("group_created", client.on("group_created", lambda name, convs: self._groups_changed(add=name))),
            ("group_deleted", client.on("group_deleted", lambda name: self._groups_changed(drop=name))),
            ("group_renamed", client.on("group_renamed", lambda old, new: self._groups_changed(add=new, drop=old))),
        ]
        self.reload()

    def _groups_changed(self, add: str = "", drop: str = "") -> None:
        """Keeps the group filter's choices current (from group events, on the engine's thread:
        no blocking call to the client here)."""
        names = sorted({name for _, name in self.group_filter.options if name and name != drop} | ({add} - {""}))
        current = self.group_filter.value
        self.group_filter.options = [("All groups", "")] + [(name, name) for name in names]
        self.group_filter.value = current if current in names else ""

    @property
    def row_keys(self) -> list[str]:
        """The keys of the rows shown (those passing the filters), in order."""
        return self.table.row_keys()

    @property
    def selected(self) -> Optional[str]:
        """The key of the selected row, or None."""
        return self.table.selected or None

    @selected.setter
    def selected(self, key: Optional[str]) -> None:
        self.table.selected = key or ""

    def reload(self) -> None:
        """Lists every conversation again (events keep the rows current afterwards)."""
        conversations = self._client.conversation_list()
        groups = self._client.conversation_groups()
        current = self.group_filter.value
        self.group_filter.options = [("All groups", "")] + [(name, name) for name in groups]
        self.group_filter.value = current if current in groups else ""
        with self._lock:
            # The engine's order is the default order: later rows count as activated earlier.
            ranks = {conv.key: next(self._activations) for conv in reversed(conversations)}
            self.table.replace_all((c.key, c, self._default_key(c, ranks[c.key])) for c in conversations)
        self._show_count()

    @staticmethod
    def _default_key(conv: Conversation, activation: int) -> tuple:
        """The SDK's order: pinned first, then latest activity, then the one active later."""
        return (not conv.pinned, -_epoch(conv.active_time), -activation)

    def apply_event(self, event: ConvEvent, conversations: list[Conversation]) -> None:
        """Applies one conversation event to the rows it names: O(log n) to place each, and the
        front end is sent only the rows that changed in its window."""
        with self._lock:
            if event is ConvEvent.DEL:
                self.table.remove(c.key for c in conversations)
            else:
                rows = []
                for conv in conversations:
                    old_key = self.table.default_key(conv.key)
                    old = self.table.get(conv.key)
                    became_active = old is None or _activity(old) != _activity(conv)
                    rows.append((conv.key, conv, self._default_key(
                        conv, next(self._activations) if became_active else -old_key[2])))
                self.table.upsert(rows)
        self._show_count()

    def _on_event(self, event: ConvEvent, conversations: list[Conversation]) -> None:
        try:
            self.apply_event(event, conversations)
        except Exception:  # runs on the engine's thread: log, never raise into it
            log.exception("ConversationBrowser could not apply %s", event)

    def _apply_filters(self) -> None:
        kind, group, needle = self.type_filter.value, self.group_filter.value, self.search.value.strip().lower()

        def accept(conv: Conversation) -> bool:
            return (kind == "all" or conv.conv_type.prefix == kind) and (not group or group in conv.groups) and (
                not needle or needle in conv.conv_id.lower() or needle in conv.show_name.lower())

        self.table.set_filter(accept if kind != "all" or group or needle else None)
        self._show_count()

    def _show_count(self) -> None:
        self.count.value = html.escape(f"{len(self.table)} of {self.table.total} conversations")

    def _on_select(self, change: dict) -> None:
        key = change["new"]
        if key:
            for form in (self.delete_form, self.draft_editor, self.organize_form):
                form.selected = key

    def close(self) -> None:
        for kind, handler in self._subscriptions:
            self._client.off(kind, handler)
        self._subscriptions = []
        for form in self._forms:
            form.close()
        if self.table is not None:
            self.table.close()
        super().close()
