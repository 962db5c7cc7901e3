#!/usr/bin/env python3
"""Makes the single-file page: shell/index.html with style.css, boot.js and the SINGLE_FILE
build of sightline.js (wasm embedded) inlined, and a Content-Security-Policy that allows
exactly those inline blocks by hash, so the page works from file:// and can be shared.
The parse worker's script (sightline_parser.js, also SINGLE_FILE) rides along as an inert
text block, which the page starts as a Worker from a blob: URL (worker-src blob:)."""
import argparse
import base64
import hashlib
import pathlib
import re


def csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shell", required=True, type=pathlib.Path)
    parser.add_argument("--app-js", required=True, type=pathlib.Path)
    parser.add_argument("--parser-js", required=True, type=pathlib.Path)
    parser.add_argument("--out", required=True, type=pathlib.Path)
    args = parser.parse_args()

    html = (args.shell / "index.html").read_text(encoding="utf-8")
    style = (args.shell / "style.css").read_text(encoding="utf-8")
    boot = (args.shell / "boot.js").read_text(encoding="utf-8")
    app = args.app_js.read_text(encoding="utf-8")
    parse_worker = args.parser_js.read_text(encoding="utf-8")
    if "</script" in boot or "</script" in app or "</script" in parse_worker:
        raise SystemExit("cannot inline: a script contains '</script'")

    # The glue fetches its embedded wasm as a data: URL first (connect-src data:); nothing else
    # may be fetched.
    csp = ("default-src 'none'; script-src {} {} 'wasm-unsafe-eval'; style-src {}; "
           "connect-src data:; img-src data: blob:; worker-src blob:; object-src 'none'; base-uri 'none'; "
           "form-action 'none'").format(csp_hash(boot), csp_hash(app), csp_hash(style))

    replacements = [
        (r'<meta http-equiv="Content-Security-Policy" content="[^"]*">',
         f'<meta http-equiv="Content-Security-Policy" content="{csp}">'),
        (r'<link rel="stylesheet" href="style.css">', f"<style>{style}</style>"),
        (r'<script src="boot.js"></script>', f"<script>{boot}</script>"),
        (r'<script src="sightline.js"></script>',
         f'<script type="text/plain" id="sightline-parser">{parse_worker}</script>\n<script>{app}</script>'),
    ]
    for pattern, replacement in replacements:
        html, count = re.subn(pattern, lambda _m, r=replacement: r, html)
        if count != 1:
            raise SystemExit(f"shell/index.html: expected one match of {pattern!r}, found {count}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(html, encoding="utf-8")


if __name__ == "__main__":
    main()
