#!/usr/bin/python3
"""A real SMTP server on loopback for the e-mail tests: Debian's aiosmtpd.

Every message it accepts is saved as OUT/NNNN.eml (the bytes as received) with OUT/NNNN.json
beside it (envelope sender and recipients). Once listening it writes its port to OUT/port.

  --refuse ADDR      answer 550 to RCPT TO:<ADDR> (repeatable)
  --login USER:PASS  require AUTH (PLAIN or LOGIN) with these credentials
  --max-size N       advertise SIZE N and refuse bigger messages with 552
  --die-after N      accept N messages, then drop dead on the next one (a server going down)
  --tls CERT KEY     offer STARTTLS with this certificate, and take mail only after it
"""
import argparse
import asyncio
import json
import os
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Handler:
    def __init__(self, out, refuse, die_after):
        self.out = out
        self.refuse = {a.lower() for a in refuse}
        self.die_after = die_after
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refuse:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.die_after is not None and self.count >= self.die_after:
            os._exit(0)
        self.count += 1
        stem = os.path.join(self.out, "%04d" % self.count)
        with open(stem + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content)
        with open(stem + ".json", "w") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                       "tls": session.ssl is not None}, f)
        os.rename(stem + ".eml.tmp", stem + ".eml")
        return "250 2.0.0 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--refuse", action="append", default=[])
    parser.add_argument("--login")
    parser.add_argument("--max-size", type=int, default=0)
    parser.add_argument("--die-after", type=int)
    parser.add_argument("--tls", nargs=2)
    args = parser.parse_args()

    handler = Handler(args.out, args.refuse, args.die_after)
    user, password = (args.login.split(":", 1) if args.login else (None, None))

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user \
            and auth_data.password.decode() == password
        return AuthResult(success=ok, handled=False)  # handled=True would leave the client waiting

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)

    def factory():
        kwargs = dict(data_size_limit=args.max_size or None, enable_SMTPUTF8=True, loop=loop)
        if args.tls:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(args.tls[0], args.tls[1])
            kwargs.update(tls_context=context, require_starttls=True)
        if user is not None:
            kwargs.update(authenticator=authenticator, auth_required=True, auth_require_tls=False)
        return SMTP(handler, **kwargs)

    server = loop.run_until_complete(loop.create_server(factory, "127.0.0.1", 0))
    port = server.sockets[0].getsockname()[1]
    with open(os.path.join(args.out, "port.tmp"), "w") as f:
        f.write(str(port))
    os.rename(os.path.join(args.out, "port.tmp"), os.path.join(args.out, "port"))
    loop.run_forever()


if __name__ == "__main__":
    sys.exit(main())
