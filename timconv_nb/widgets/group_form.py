"""The group form: create, join, quit, dismiss and rename groups of users, invite and remove members
and set their roles (TIMGroupManager.h), and the groups the user is in, kept current by the group
tips."""

from __future__ import annotations

import asyncio
import html
import logging
import threading
from typing import Any, Callable, Optional

import ipywidgets as W

from ..client import Client
from ..errors import TIMError
from ..membership import GroupTip, GroupType, JoinedGroup, MemberResult, MemberRole
from .base import Form, classed

__all__ = ["GroupForm"]

log = logging.getLogger(__name__)


def _running_loop() -> Optional[asyncio.AbstractEventLoop]:
    """The asyncio loop running on this thread (a notebook's: the kernel's), or None."""
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


class GroupForm(Form):
    """Groups of users (TIMGroupManager.h): a group id, and Create (with a name, a type and the
    initial members), Join, Quit, Dismiss and Rename (to the name) buttons; Invite, Remove and Set
    role (the role chosen) for the users of the Members field; below, the groups the user is in.

    A tip (on the engine's thread) shows what happened at once. The list of joined groups needs
    the client, since a tip names the group but not its name, its type or the user's role in it:
    the tip has the asyncio loop the form was made on (in a notebook, the kernel's) list them
    again with the awaitable call, so no thread waits and none is started. Made where no loop
    runs (a script), the form lists them again after its own actions and on ``refresh()``."""

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
        self.role = classed(W.Dropdown(options=[("normal", int(MemberRole.NORMAL)), ("admin", int(MemberRole.ADMIN))],
                                       value=int(MemberRole.ADMIN), description="Role"), "tc-group-role")
        self.buttons = {
            name: classed(W.Button(description=name.capitalize(), icon=icon,
                                   button_style="primary" if name == "create" else ""), f"tc-group-{name}")
            for name, icon in (("create", "plus"), ("join", "sign-in"), ("quit", "sign-out"), ("dismiss", "trash"),
                               ("rename", "pencil"))
        }
        self.member_buttons = {
            name: classed(W.Button(description=label, icon=icon), f"tc-group-{name.replace('_', '-')}")
            for name, label, icon in (("invite", "Invite", "user-plus"), ("remove", "Remove", "user-times"),
                                      ("set_role", "Set role", "id-badge"))
        }
        self.joined = classed(W.HTML(""), "tc-group-joined")
        self._loop = _running_loop()
        self._pending_lock = threading.Lock()  # guards _refresh_pending
        self._refresh_pending = False  # a listing is scheduled on the loop and has not started
        self._refresh_tasks: set[asyncio.Task[None]] = set()  # held until done: the loop keeps only weak references
        super().__init__(client, [self.group_id, self.name, self.group_type, self.members,
                                  W.HBox(list(self.buttons.values())),
                                  W.HBox([self.role, *self.member_buttons.values()]), self.joined], **kwargs)
        for name, button in {**self.buttons, **self.member_buttons}.items():
            act = getattr(self, name)
            button.on_click(lambda _, act=act: act())
        self._subscribe("group_tip", self._on_tip)
        self.refresh()

    def _id(self, required: bool = True) -> Optional[str]:
        group_id: str = self.group_id.value.strip()
        if not group_id and required:
            self._show("Enter a group id.", "error")
            return None
        return group_id

    def refresh(self) -> None:
        """Shows the groups the user is in (a blocking call; nobody logged in: none)."""
        try:
            groups = self._client.group_list()
        except TIMError:
            groups = []
        self._show_joined(groups)

    async def refresh_async(self) -> None:
        """``refresh`` awaited on the running loop."""
        try:
            groups = await self._client.group_list_async()
        except TIMError:
            groups = []
        self._show_joined(groups)

    def _show_joined(self, groups: list[JoinedGroup]) -> None:
        rows = "".join(f"<li>{html.escape(g.group_id)}: {html.escape(g.name)} ({g.group_type.label}, "
                       f"{g.role.name.lower()})</li>" for g in groups)
        self.joined.value = f"<b>Groups joined: {len(groups)}</b><ul>{rows}</ul>"

    def _on_tip(self, tip: GroupTip) -> None:
        """On the engine's thread: shows the tip, and has the loop list the joined groups again
        (once for a burst of tips)."""
        self._show(tip.summary, "info")
        if self._loop is None:
            return
        with self._pending_lock:
            if self._refresh_pending:
                return
            self._refresh_pending = True
        try:
            self._loop.call_soon_threadsafe(self._start_refresh)
        except RuntimeError:  # the loop is closed: nobody shows the form any more
            log.debug("a group tip arrived after the form's event loop closed")

    def _start_refresh(self) -> None:
        """On the loop: lists the joined groups again; a tip arriving from now on asks again."""
        with self._pending_lock:
            self._refresh_pending = False
        task = asyncio.get_running_loop().create_task(self._refresh_after_tip())
        self._refresh_tasks.add(task)
        task.add_done_callback(self._refresh_tasks.discard)

    async def _refresh_after_tip(self) -> None:
        try:
            await self.refresh_async()
        except Exception:  # a task of the kernel's loop (the client closed, say): logged, never in a cell
            log.exception("GroupForm could not list the joined groups after a tip")

    def _run(self, action: Callable[[], str]) -> None:
        def guarded() -> str:
            done = action()
            self.refresh()
            return done

        self._guarded([*self.buttons.values(), *self.member_buttons.values()], guarded)

    def create(self) -> None:
        """What clicking Create does."""
        name = self.name.value.strip()
        if not name:
            self._show("Enter a group name.", "error")
            return
        members = [m.strip() for m in self.members.value.split(",") if m.strip()]
        group_id = self._id(required=False) or None
        self._run(lambda: "Created group "
                  f"{self._client.create_group(name, group_id, self.group_type.value, members=members)}.")

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

    def rename(self) -> None:
        """What clicking Rename does: the group takes the name (TIMGroupModifyGroupInfo)."""
        group_id, name = self._id(), self.name.value.strip()
        if group_id and not name:
            self._show("Enter the new name.", "error")
        elif group_id:
            self._run(lambda: (self._client.modify_group_info(group_id, name=name), f"Renamed {group_id}.")[1])

    def _users(self) -> list[str]:
        users = [m.strip() for m in self.members.value.split(",") if m.strip()]
        if not users:
            self._show("Enter the members (bob, carol).", "error")
        return users

    @staticmethod
    def _outcome(results: dict[str, MemberResult]) -> str:
        return ", ".join(f"{user} ({result.name.lower().replace('_', ' ')})" for user, result in results.items())

    def invite(self) -> None:
        """What clicking Invite does: the users of the Members field are invited (TIMGroupInviteMember)."""
        group_id, users = self._id(), self._users()
        if group_id and users:
            self._run(lambda: f"Invited to {group_id}: {self._outcome(self._client.invite_members(group_id, users))}.")

    def remove(self) -> None:
        """What clicking Remove does: the users of the Members field are removed (TIMGroupDeleteMember)."""
        group_id, users = self._id(), self._users()
        if group_id and users:
            self._run(lambda: f"Removed from {group_id}: "
                      f"{self._outcome(self._client.remove_members(group_id, users))}.")

    def set_role(self) -> None:
        """What clicking Set role does: each user of the Members field takes the role chosen
        (TIMGroupModifyMemberInfo)."""
        group_id, users = self._id(), self._users()
        role = MemberRole(self.role.value)

        def act(group: str) -> str:
            for user in users:
                self._client.modify_member_info(group, user, role=role)
            return f"{', '.join(users)}: {role.name.lower()} in {group}."

        if group_id and users:
            self._run(lambda: act(group_id))
