"""A local user in another process, driven line by line for the two-process tests.

Usage: python peer_child.py DATA_ROOT USER
Prints one JSON object per line: {"ready": user} once logged in, then every event it observes
({"event": kind, ...}) and the answer to each command read from stdin:
  send <peer> <text>   -> {"sent": text}
  mark_read <peer>     -> {"marked": peer}
  state                -> {"state": {conversation key: unread}, "total": n}
  quit
"""

import json
import sys
import threading

from timconv_nb import Client

lock = threading.Lock()


def emit(obj: dict) -> None:
    with lock:
        print(json.dumps(obj), flush=True)


def main() -> None:
    root, user = sys.argv[1], sys.argv[2]
    with Client(root) as client:
        client.login(user)
        client.on("message", lambda msgs: emit({"event": "message", "texts": [m.text for m in msgs],
                                                 "senders": [m.sender for m in msgs]}))
        for kind in ("add", "update"):
            client.on(kind, lambda event, convs: emit({"event": event.name.lower(),
                                                       "unread": {c.key: c.unread for c in convs}}))
        client.on("total_unread", lambda total: emit({"event": "total_unread", "total": total}))
        emit({"ready": user})
        for line in sys.stdin:
            command, *args = line.rstrip("\n").split(" ", 2)
            if command == "send":
                client.send_text(args[0], args[1])
                emit({"sent": args[1]})
            elif command == "mark_read":
                client.mark_read(args[0])
                emit({"marked": args[0]})
            elif command == "state":
                emit({"state": {c.key: c.unread for c in client.conversation_list()}, "total": client.total_unread()})
            elif command == "quit":
                break


if __name__ == "__main__":
    main()
