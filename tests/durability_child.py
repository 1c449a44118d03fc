"""Child process for the kill tests: streams acknowledged writes to the local engine and prints
one line per acknowledgement, until it is killed.

Usage: python durability_child.py DATA_ROOT
Lines: "created N", "draft N" (a draft is acknowledged once a later call has called back),
"pinned N", "sent N" (a message to peer N), "grouped N" (a message to the group "crew", whose
member bob receives it too), "invited N" (guestN invited into crew), "renamed N" (crew renamed
"Crew N"), "deleted N".
"""

import json
import sys
import threading

from timconv_nb import native

APP_ID = 1400000001
C2C = 1
GROUP = 2


def main() -> None:
    lib = native.open_library()
    config = json.dumps({"sdk_config_config_file_path": sys.argv[1]}).encode()
    assert lib.lib.TIMInit(APP_ID, config) == 0

    def call(name: str, *args: object) -> int:
        done = threading.Event()
        codes: list[int] = []
        assert lib.call(name, *args, on_done=lambda code, desc, js: (codes.append(code), done.set())) == 0
        done.wait()
        return codes[0]

    assert call("TIMLogin", b"alice", b"sig") == 0
    crew = {"create_group_param_group_name": "Crew", "create_group_param_group_id": "crew",
            "create_group_param_group_type": 1, "create_group_param_group_member_array": [
                {"group_member_info_identifier": "bob"}]}
    assert call("TIMGroupCreate", json.dumps(crew).encode()) == 0
    draft_pending = None
    i = 0
    while True:
        assert call("TIMConvCreate", f"peer{i}".encode(), C2C) == 0
        print(f"created {i}", flush=True)
        if draft_pending is not None:
            print(f"draft {draft_pending}", flush=True)
        if i % 5 == 1:
            assert call("TIMConvPinConversation", f"peer{i}".encode(), C2C, True) == 0
            print(f"pinned {i}", flush=True)
        if i % 5 == 2:
            message = {"message_elem_array": [{"elem_type": 0, "text_elem_content": f"message {i}"}]}
            assert call("TIMMsgSendMessage", f"peer{i}".encode(), C2C, json.dumps(message).encode(),
                        native.ffi.NULL) == 0
            print(f"sent {i}", flush=True)
        if i % 5 == 4:
            message = {"message_elem_array": [{"elem_type": 0, "text_elem_content": f"group message {i}"}]}
            assert call("TIMMsgSendMessage", b"crew", GROUP, json.dumps(message).encode(), native.ffi.NULL) == 0
            print(f"grouped {i}", flush=True)
        if i % 5 == 0:
            invite = {"group_invite_member_param_group_id": "crew",
                      "group_invite_member_param_identifier_array": [f"guest{i}"]}
            assert call("TIMGroupInviteMember", json.dumps(invite).encode()) == 0
            print(f"invited {i}", flush=True)
        if i % 5 == 3:
            rename = {"group_modify_info_param_group_id": "crew", "group_modify_info_param_modify_flag": 1,
                      "group_modify_info_param_group_name": f"Crew {i}"}
            assert call("TIMGroupModifyGroupInfo", json.dumps(rename).encode()) == 0
            print(f"renamed {i}", flush=True)
        draft = {"draft_msg": {"message_elem_array": [{"elem_type": 0, "text_elem_content": f"draft {i}"}]}}
        assert lib.lib.TIMConvSetDraft(f"peer{i}".encode(), C2C, json.dumps(draft).encode()) == 0
        draft_pending = i
        if i % 4 == 3:
            assert call("TIMConvDelete", f"peer{i - 2}".encode(), C2C) == 0
            print(f"deleted {i - 2}", flush=True)
            print(f"draft {draft_pending}", flush=True)  # the delete's callback came after it
            draft_pending = None
        i += 1


if __name__ == "__main__":
    main()
