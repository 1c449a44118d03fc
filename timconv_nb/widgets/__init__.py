"""ipywidgets over a :class:`~timconv_nb.Client`: forms to create and delete conversations, edit
drafts, organise conversations (marks, conversation groups, custom data) and manage groups; a
live conversation browser that holds the conversation forms; a call inspector; and the table
both lists are drawn in.

Every widget is a ``VBox`` with stable CSS classes (``tc-create-id``, ``tc-draft-save``, ...)
for tests and users' styling. Forms check their input before calling and show the outcome in
an inline message; SDK errors show their code and description; no traceback reaches the cell.
Buttons are disabled while a call runs. Everything user-supplied is shown as text or escaped.

Conversation events arrive on the engine's thread: the widgets apply them by setting traits, which
ipywidgets sends to the front end from any thread (never through ``with output:``), and make
blocking calls only for user actions (:mod:`timconv_nb.widgets.base` says how).

Modules, one job each: ``base`` (what the widgets share, the form base and the conversation
picker), ``conversation_forms``, ``group_form``, ``profile_form``, ``browser``, ``inspector``,
``table`` (with its front end in ``static/``).
"""

from .browser import BROWSER_COLUMNS, ConversationBrowser
from .conversation_forms import CreateConversationForm, DeleteConversationForm, DraftEditor, OrganizeForm
from .group_form import GroupForm
from .inspector import INSPECTOR_COLUMNS, CallInspector
from .profile_form import ProfileForm
from .table import Column, DataTable

__all__ = ["CreateConversationForm", "DeleteConversationForm", "DraftEditor", "OrganizeForm", "GroupForm",
           "ConversationBrowser", "CallInspector", "DataTable", "Column", "BROWSER_COLUMNS", "INSPECTOR_COLUMNS",
           "ProfileForm"]
