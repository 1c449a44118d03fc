"""The exercises of notebook 09, the widgets. Each check is given the notebook's client and asks
the SDK what the widget made it do."""

from __future__ import annotations

from typing import Any, Optional

from ...errors import InvalidConversationError
from ..exercises import Unmet, exercise


def _client(answer: Any) -> Any:
    """The client the check was given (else Unmet)."""
    from ...client import Client

    if not isinstance(answer, Client) or answer.closed:
        raise Unmet("the check was not given the notebook's open client",
                    "run check(\"<id>\", client) with the client the widgets were made over")
    return answer


def _conversation(client: Any, conv_id: str, conv_type: str) -> Optional[Any]:
    """The conversation as the SDK has it (TIMConvGetConvInfo), or None."""
    try:
        return client.conversation(conv_id, conv_type)
    except InvalidConversationError:
        return None


CREATE_WRONG = r"""
create_form = CreateConversationForm(client)
create_form.conv_id.value = "reading-room"
create_form.button.click()
create_form.message
"""


@exercise("9.1", "09-widgets", "A group conversation from the form", "python", wrong=CREATE_WRONG,
          wrong_hint="conv_type")
def group_conversation_from_the_form(answer: Any) -> None:
    client = _client(answer)
    if _conversation(client, "reading-room", "group") is not None:
        return
    if _conversation(client, "reading-room", "c2c") is not None:
        raise Unmet("the SDK has a C2C conversation reading-room, and no group conversation of that id",
                    "choose the type before clicking: create_form.conv_type.value = \"group\" (the form "
                    "passes kTIMConv_Group to TIMConvCreate)")
    raise Unmet("the SDK has no conversation reading-room",
                "setting the fields calls nothing: click Create (create_form.button.click()), which calls "
                "TIMConvCreate")


DRAFT_WRONG = r"""
draft_editor = DraftEditor(client)
draft_editor.selected = "c2c_carol"
draft_editor.text.value = "meet at noon"
draft_editor.user_define.value = "from the widget"
draft_editor.message
"""


@exercise("9.2", "09-widgets", "A draft from the editor", "python", wrong=DRAFT_WRONG, wrong_hint="save.click()")
def draft_from_the_editor(answer: Any) -> None:
    client = _client(answer)
    carol = _conversation(client, "carol", "c2c")
    if carol is None:
        raise Unmet("the SDK has no conversation c2c_carol", "the notebook creates it at the top: run the "
                    "notebook's cells from the start")
    if carol.draft is None:
        raise Unmet("carol's conversation has no draft in the SDK",
                    "typing changes only the widget: click Save draft (draft_editor.save.click()), which calls "
                    "TIMConvSetDraft")
    if carol.draft.text != "meet at noon":
        raise Unmet(f"carol's draft says {carol.draft.text!r}, not 'meet at noon'",
                    "type the text into draft_editor.text.value before clicking Save draft")
    if carol.draft.user_define != "from the widget":
        raise Unmet(f"the draft's user define is {carol.draft.user_define!r}, not 'from the widget'",
                    "set draft_editor.user_define.value before clicking Save draft: it becomes the Draft "
                    "JSON's draft_user_define")
