#!/usr/bin/env python3
"""Practise from a script, using only the public API (see docs/api.md).

    python docs/examples/practice_client.py --url http://127.0.0.1:8000 \
        --username candidate --password candidate-demo-pass --challenge order-total \
        --file solution.py [--mode run]

Standard library only. Prints the verdict and one line per case; exits 0 when accepted.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


class Client:
    def __init__(self, base_url: str):
        if urllib.parse.urlsplit(base_url).scheme not in ("http", "https"):
            raise SystemExit(f"--url must be an http(s) address, not {base_url!r}")
        self.base = base_url.rstrip("/") + "/api/"
        self.token = ""

    def call(self, method: str, path: str, body: dict | None = None, form: bool = False):
        headers = {"Accept": "application/json"}
        data = None
        if self.token:
            headers["Authorization"] = f"Token {self.token}"
        if body is not None and form:
            data = urllib.parse.urlencode(body).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(
            self.base + path, data=data, headers=headers, method=method
        )
        while True:
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    return json.loads(response.read())
            except urllib.error.HTTPError as error:
                if error.code in (429, 503):  # rate limited or queue busy: wait as told
                    time.sleep(float(error.headers.get("Retry-After", "5")))
                    continue
                raise SystemExit(f"{method} {path}: {error.code} {error.read().decode()}") from None

    def sign_in(self, username: str, password: str) -> None:
        answer = self.call(
            "POST", "auth/token/", {"username": username, "password": password}, form=True
        )
        self.token = answer["token"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--challenge", required=True, help="a challenge slug")
    parser.add_argument("--file", required=True, help="your solution")
    parser.add_argument("--mode", choices=["run", "submit", "custom"], default="submit")
    parser.add_argument(
        "--input",
        help="mode custom: your own input (Python: the call's arguments; SQL: INSERT/UPDATE/"
        "DELETE statements on the example's data)",
    )
    args = parser.parse_args()

    client = Client(args.url)
    client.sign_in(args.username, args.password)
    listing = client.call("GET", "challenges/?" + urllib.parse.urlencode({"search": ""}))
    print(f"{listing['count']} challenges available")
    challenge = client.call("GET", f"challenges/{args.challenge}/")
    print(f"{challenge['title']} (v{challenge['version']}, {challenge['kind']})")
    with open(args.file, encoding="utf-8") as handle:
        code = handle.read()
    body = {"challenge": args.challenge, "mode": args.mode, "code": code}
    if args.mode == "custom":
        body["custom_input"] = args.input or ""
    submission = client.call("POST", "submissions/", body)
    while not submission["finished"]:
        time.sleep(0.3)
        submission = client.call("GET", f"submissions/{submission['id']}/")
    print(f"verdict: {submission['verdict']}  score: {submission['score']}")
    for row in submission["results"]:
        mark = "ok  " if row["passed"] else "FAIL"
        extra = f"  [{row['category']}] {row['hint']}" if row.get("hint") else ""
        print(f"  {mark} {row['name']}{extra}")
        if row.get("custom"):
            # Your output beside the reference solution's, on your own input.
            print(f"       yours:     {json.dumps(row.get('actual'))}")
            print(f"       reference: {json.dumps(row.get('expected'))}")
    return 0 if submission["verdict"] == "accepted" else 1


if __name__ == "__main__":
    sys.exit(main())
