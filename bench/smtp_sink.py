"""A minimal SMTP server for bench/alerts.sh: accepts every message and, once the client has said QUIT (so a
client that gave up is not counted), appends "<epoch seconds> <subject>" to a file per message. It can stall
before accepting a message, like a slow or overloaded server.
Usage: python3 smtp_sink.py PORT LOG_FILE [STALL_FILE]  (while STALL_FILE exists, DATA is answered 20 s late)"""
import asyncio
import os
import sys
import time

port, log = int(sys.argv[1]), sys.argv[2]
stall = sys.argv[3] if len(sys.argv) > 3 else None


async def session(reader, writer):
    try:
        await converse(reader, writer)
    except ConnectionError:
        pass  # the client gave up (timed out) while the sink stalled
    finally:
        writer.close()


async def converse(reader, writer):
    def say(line):
        writer.write((line + "\r\n").encode())

    received = []
    say("220 sink ESMTP")
    await writer.drain()
    while line := (await reader.readline()).decode(errors="replace").rstrip("\r\n"):
        verb = line.split(" ", 1)[0].upper()
        if verb in ("EHLO", "HELO"):
            say("250 sink")
        elif verb == "DATA":
            say("354 go ahead")
            await writer.drain()
            subject = ""
            while (raw := await reader.readline()) and (data := raw.decode(errors="replace").rstrip("\r\n")) != ".":
                if data.lower().startswith("subject:") and not subject:
                    subject = data[8:].strip()
            if not raw:
                return
            if stall and os.path.exists(stall):
                await asyncio.sleep(20)
            received.append(subject)
            say("250 accepted")
        elif verb == "QUIT":
            with open(log, "a") as out:
                out.writelines(f"{time.time():.3f} {subject}\n" for subject in received)
            say("221 bye")
            await writer.drain()
            break
        else:
            say("250 ok")
        await writer.drain()


async def main():
    server = await asyncio.start_server(session, "127.0.0.1", port)
    async with server:
        await server.serve_forever()

asyncio.run(main())
