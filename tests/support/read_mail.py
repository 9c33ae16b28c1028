#!/usr/bin/python3
"""Reads one received message with Python's `email` package, as a mail client would, and
prints what it found as JSON: headers, the plain-text and HTML bodies, and the attachments,
which it saves into DIR for the real clients (qpdf, vobject, openpyxl) to check.

  read_mail.py MESSAGE.eml DIR
"""
import email
import email.policy
import json
import os
import sys


def main():
    path, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    with open(path, "rb") as f:
        raw = f.read()
    message = email.message_from_bytes(raw, policy=email.policy.strict)
    defects = [str(d) for part in message.walk() for d in part.defects]
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    attachments = []
    for part in message.iter_attachments():
        name = part.get_filename()
        data = part.get_payload(decode=True)
        target = os.path.join(out, os.path.basename(name))
        with open(target, "wb") as f:
            f.write(data)
        attachments.append({"name": name, "type": part.get_content_type(), "size": len(data), "path": target})
    print(json.dumps({
        "from": str(message["From"]),
        "to": str(message["To"]),
        "reply_to": str(message["Reply-To"] or ""),
        "subject": str(message["Subject"]),
        "message_id": str(message["Message-ID"] or ""),
        "date": str(message["Date"] or ""),
        "crlf_only": b"\n" not in raw.replace(b"\r\n", b""),
        "defects": defects,
        # Lines as a reader sees them: the wire's CRLF is the transport's, not the text's.
        "text": text.get_content().replace("\r\n", "\n") if text else "",
        "html": html.get_content().replace("\r\n", "\n") if html else "",
        "attachments": attachments,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
