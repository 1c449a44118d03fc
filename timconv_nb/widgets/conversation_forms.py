"""The conversation forms: create and delete conversations, edit drafts, and organise them
(marks, conversation groups, custom data). Each checks its input before calling and shows the
outcome in its inline message (see :mod:`timconv_nb.widgets.base`)."""

from __future__ import annotations

import html
from typing import Any, Callable, Optional

import ipywidgets as W

from ..arguments import CONV_CUSTOM_DATA_MAX_BYTES, CONV_GROUP_NAME_MAX_BYTES, check_id, conv_group_name
from ..client import Client
from ..errors import TIMError
from ..model import Conversation, Draft, MarkType
from .base import Form, PickerForm, classed

__all__ = ["CreateConversationForm", "DeleteConversationForm", "DraftEditor", "OrganizeForm"]


class CreateConversationForm(Form):
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

    def _id_problem(self) -> Optional[str]:
        """Why the id typed cannot be used, or None."""
        if not self.conv_id.value.strip():
            return "Enter a conversation id."
        try:
            check_id(self.conv_id.value, "The conversation id")
        except (TypeError, ValueError) as exc:
            return str(exc)
        return None

    def create(self) -> None:
        """What clicking Create does."""
        problem = self._id_problem()
        if problem:
            self._show(problem, "error")
            return

        def action() -> str:
            self.created = self._client.create_conversation(self.conv_id.value, self.conv_type.value)
            return f"Created {self.created.key} ({self.created.show_name})."

        self._guarded([self.button], action)


class DeleteConversationForm(PickerForm):
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
        return bool(self._confirm_row.layout.display != "none")

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


class DraftEditor(PickerForm):
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
        self._shown: Optional[tuple[str, Optional[Draft]]] = None  # (key, draft) in the fields; None: none yet
        super().__init__(client, [self.text, self.user_define, self.edit_time, W.HBox([self.save, self.cancel])],
                         **kwargs)
        self.save.on_click(lambda _: self.save_draft())
        self.cancel.on_click(lambda _: self.cancel_draft())

    def _show_conversation(self, conv: Optional[Conversation]) -> None:
        """Its draft (empty fields when it has none). An event that leaves the draft as shown
        (a new message, say) leaves the fields, and what is being typed there, alone."""
        draft = conv.draft if conv is not None else None
        shown = (conv.key if conv is not None else "", draft)
        if shown == self._shown:
            return
        self._shown = shown
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


def _batch_outcome(results: dict[str, Optional[TIMError]], key: str, done: str) -> str:
    """The message of a batch call made for one conversation: raises its per-id error."""
    error = results.get(key)
    if error is not None:
        raise error
    return done


class OrganizeForm(PickerForm):
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
        self.group = classed(W.Text(placeholder=f"group name (1 to {CONV_GROUP_NAME_MAX_BYTES} bytes)",
                                    description="Group"), "tc-organize-group")
        self.add_group = classed(W.Button(description="Add to group", icon="folder-plus"), "tc-organize-add-group")
        self.remove_group = classed(W.Button(description="Remove from group"), "tc-organize-remove-group")
        self.custom_data = classed(W.Text(placeholder=f"at most {CONV_CUSTOM_DATA_MAX_BYTES} bytes",
                                          description="Custom data"), "tc-organize-custom-data")
        self.save_custom = classed(W.Button(description="Save custom data", icon="save"), "tc-organize-save-custom")
        self._buttons = [self.set_mark, self.clear_mark, self.add_group, self.remove_group, self.save_custom]
        self._shown_custom_data: Optional[tuple[str, str]] = None  # (key, custom data) in the field
        super().__init__(client, [self.summary, W.HBox([self.mark, self.set_mark, self.clear_mark]),
                                  W.HBox([self.group, self.add_group, self.remove_group]),
                                  W.HBox([self.custom_data, self.save_custom])], **kwargs)
        self.set_mark.on_click(lambda _: self.mark_selected(True))
        self.clear_mark.on_click(lambda _: self.mark_selected(False))
        self.add_group.on_click(lambda _: self.add_to_group())
        self.remove_group.on_click(lambda _: self.remove_from_group())
        self.save_custom.on_click(lambda _: self.save_custom_data())

    def _show_conversation(self, conv: Optional[Conversation]) -> None:
        """Its marks and groups; its custom data unless an event left it as shown (so what is
        being typed stays)."""
        if conv is None:
            self.summary.value = html.escape("No conversation picked" if not self.selected
                                             else f"{self.selected} is not in the conversation list")
            return
        self.summary.value = html.escape(f"Marks: {', '.join(conv.marks) or 'none'} · "
                                         f"Groups: {', '.join(conv.groups) or 'none'}")
        if (conv.key, conv.custom_data) != self._shown_custom_data:
            self._shown_custom_data = (conv.key, conv.custom_data)
            self.custom_data.value = conv.custom_data

    def _act(self, call: Callable[[str], dict[str, Optional[TIMError]]], done: str) -> None:
        """Runs a batch call for the picked conversation and shows it again."""

        def action() -> str:
            key = self._picked_key()
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
        name: str = self.group.value.strip()
        if not name:
            raise ValueError("Enter a group name.")
        conv_group_name(name)
        return name

    def add_to_group(self) -> None:
        """What clicking Add to group does: creates the group when it does not exist yet."""

        def call(key: str) -> dict[str, Optional[TIMError]]:
            name = self._group_name()
            if name in self._client.conversation_group_list():
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
