"""What the widgets over a Client share: their CSS classes, inline messages and error text; a
VBox that checks its client, keeps its event subscriptions and closes what it holds; the form
base with guarded calls; and the conversation picker.

Threads. Conversation events arrive on the engine's thread. A handler there updates what the
widget knows and sets traits (ipywidgets sends them to the front end from any thread), and
nothing it triggers calls the client: a blocking call there would wait for the engine's own
thread. Blocking calls are made by user actions alone (a click, ``refresh()``, ``load()``), on
the kernel's thread.
"""

from __future__ import annotations

import html
import itertools
import logging
import threading
from collections.abc import Sequence
from typing import Any, Callable, Optional, TypeVar

import ipywidgets as W

from ..client import Client
from ..errors import TIMError
from ..model import Conversation, ConvEvent, ConvType
from ..wire import ConvKey

__all__ = ["classed", "fit_descriptions", "message_html", "error_text", "ClientWidget", "Form", "PickerForm"]

log = logging.getLogger(__name__)

WidgetT = TypeVar("WidgetT", bound=W.Widget)

#: The colour of each kind of inline message.
MESSAGE_COLORS = {"ok": "#1a7f37", "error": "#cf222e", "info": "#57606a"}


def classed(widget: WidgetT, *classes: str) -> WidgetT:
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


def message_html(text: str, kind: str) -> str:
    """An inline message: kind is "ok", "error" or "info"; the text is escaped."""
    return f"<span class='tc-{kind}' style='color:{MESSAGE_COLORS[kind]}'>{html.escape(text)}</span>"


def error_text(exc: BaseException) -> str:
    """An exception as a form shows it: an SDK error with its code, name and description."""
    if isinstance(exc, TIMError):
        return f"Error {exc.code if exc.code is not None else ''} {exc.name}: {exc.desc}".replace("  ", " ")
    return f"Error: {exc}"


class ClientWidget(W.VBox):
    """A VBox over a Client, with the CSS class ``_prefix``. It subscribes to the client's events
    through ``_subscribe`` and undoes them on close, and closes the widgets in ``_owned`` with it."""

    _prefix = "tc-widget"
    # Class defaults, so that close() (also called when the widget is collected) works after a
    # failed __init__; __init__ gives each widget its own list.
    _subscriptions: Sequence[tuple[str, Callable[..., None]]] = ()
    _owned: Sequence[W.Widget] = ()

    def __init__(self, client: Client, children: list[W.Widget], **kwargs: Any) -> None:
        if not isinstance(client, Client):
            raise TypeError(f"client must be a timconv_nb.Client, not {type(client).__name__}")
        self._client = client
        self._subscriptions = []
        super().__init__(children=children, **kwargs)
        self.add_class(self._prefix)
        fit_descriptions(self)

    def _subscribe(self, event: str, handler: Callable[..., None]) -> None:
        """Calls handler (on the engine's thread) for the client's event until close()."""
        self._subscriptions = [*self._subscriptions, (event, self._client.on(event, handler))]

    def close(self) -> None:
        subscriptions, self._subscriptions = self._subscriptions, []
        for event, handler in subscriptions:
            self._client.off(event, handler)
        for widget in self._owned:
            widget.close()
        super().close()


class Form(ClientWidget):
    """A form: its fields, then an inline message showing the outcome of its calls."""

    _prefix = "tc-form"

    def __init__(self, client: Client, children: list[W.Widget], **kwargs: Any) -> None:
        self._message = classed(W.HTML(""), f"{self._prefix}-message")
        self.message = ""  # the inline message as plain text
        super().__init__(client, children + [self._message], **kwargs)

    def _show(self, text: str, kind: str = "info") -> None:
        self.message = text
        self._message.value = message_html(text, kind)

    def _guarded(self, buttons: list[W.Button], action: Callable[[], Optional[str]]) -> None:
        """Runs action with the buttons disabled; shows its result or its error."""
        for button in buttons:
            button.disabled = True
        try:
            done = action()
            if done:
                self._show(done, "ok")
        except (TIMError, ValueError, TypeError) as exc:
            self._show(error_text(exc), "error")
        except Exception as exc:  # a widget must never put a traceback in the cell
            log.exception("%s failed", type(self).__name__)
            self._show(error_text(exc), "error")
        finally:
            for button in buttons:
                button.disabled = False


class PickerForm(Form):
    """A form that acts on one conversation: its key typed, or picked from suggestions (the most
    recently active conversations), or set by the browser's selection. The suggestions are
    bounded, so the page never holds the whole list.

    The form knows every conversation as the client last told it: listed by ``refresh()``, then
    kept current by the conversation events, which carry each conversation whole. So picking one,
    and an event naming the one picked, show it without asking the client."""

    SUGGESTIONS = 50

    def __init__(self, client: Client, children: list[W.Widget],
                 known: Optional[Sequence[Conversation]] = None, **kwargs: Any) -> None:
        """``known``: the client's conversations as just listed (the browser lists them once for
        its forms); without it the form lists them itself."""
        self._picker = classed(W.Combobox(options=[], placeholder="c2c_<id> or group_<id>", description="Conversation",
                                          ensure_option=False, continuous_update=False), f"{self._prefix}-select")
        self._known: dict[str, Conversation] = {}  # by key, the most recently active last
        # Guards _known and what the form shows of it; reentrant: setting the picker fires its observer.
        self._lock = threading.RLock()
        super().__init__(client, [self._picker] + children, **kwargs)
        self._picker.observe(lambda _: self._show_picked(), names="value")
        for event in ("add", "del", "update"):
            self._subscribe(event, self._on_event)
        if known is None:
            self.refresh()
        else:
            self._know(known)

    @property
    def selected(self) -> Optional[str]:
        """The picked conversation's key (``c2c_<id>`` / ``group_<id>``), or None."""
        return self._picker.value or None

    @selected.setter
    def selected(self, key: Optional[str]) -> None:
        self._picker.value = key or ""

    def refresh(self) -> None:
        """Lists the client's conversations again (a blocking call)."""
        try:
            conversations = self._client.conversation_list()
        except TIMError as exc:
            self._show(error_text(exc), "error")
            return
        self._know(conversations)

    def _know(self, conversations: Sequence[Conversation]) -> None:
        """Takes ``conversations`` (the engine's order, most recently active first) as the ones known."""
        with self._lock:
            self._known = {c.key: c for c in reversed(conversations)}
            self._sync_options()
            self._show_picked()

    def load(self) -> None:
        """Asks the client for the picked conversation and shows it (a blocking call; raises what
        the client raises)."""
        key = self._picker.value
        if not key:
            return
        conv_id, conv_type = self._picked()
        conv = self._client.conversation(conv_id, conv_type)
        with self._lock:
            self._known[key] = conv
            self._sync_options()
            if self._picker.value == key:
                self._show_picked()

    def _sync_options(self, gone: frozenset[str] = frozenset()) -> None:
        """Shows the newest suggestions; picks the newest when nothing is picked or the picked
        conversation is gone. The caller holds the lock."""
        keys = list(itertools.islice(reversed(self._known), self.SUGGESTIONS))
        if list(self._picker.options) != keys:
            self._picker.options = keys
        if not self._picker.value or self._picker.value in gone:
            self._picker.value = keys[0] if keys else ""

    def _on_event(self, event: ConvEvent, conversations: list[Conversation]) -> None:
        """On the engine's thread: the event's conversations replace those known, and the form
        shows the picked one as the event told it."""
        named = frozenset(c.key for c in conversations)
        with self._lock:
            for conv in conversations:
                self._known.pop(conv.key, None)
                if event is not ConvEvent.DEL:
                    self._known[conv.key] = conv
            picked = self._picker.value
            self._sync_options(named if event is ConvEvent.DEL else frozenset())
            if picked in named and self._picker.value == picked:  # a new pick was shown by the observer
                self._show_picked()

    def _picked_key(self) -> str:
        """The picked conversation's key (ValueError when none is picked, or it is no key)."""
        key: str = self._picker.value
        if not key:
            raise ValueError("Pick a conversation first.")
        ConvKey.parse(key)
        return key

    def _picked(self) -> tuple[str, ConvType]:
        picked = ConvKey.parse(self._picked_key())
        return picked.conv_id, picked.conv_type

    def _show_picked(self) -> None:
        """Shows the picked conversation as last known (None: nothing picked, or a key typed that
        is not in the list). Never calls the client: it runs on either thread."""
        with self._lock:
            key = self._picker.value
            self._show_conversation(self._known.get(key) if key else None)

    def _show_conversation(self, conv: Optional[Conversation]) -> None:
        """What the form shows of the picked conversation; the lock is held."""
