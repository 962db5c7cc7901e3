#!/usr/bin/env python3
"""Finds names in comments and docs that the tree does not have.

Reads the docs (every *.md: README.md, docs/, bench/README.md, ...) and the comments of src/, imgui_ui/,
wasm/, tools/ and tests/, and reports
- functions written like `name()` or `Type::name()` that no code in the tree calls or defines;
- paths written like `dir/file.h` that resolve to no file (tried from the repository root, from
  src/, tests/ and the file's own folder), and file names written alone (`file.h`) that no
  file in the tree has.
Names from outside the tree (SQLite, ImGui, Emscripten, browser APIs) are listed in
tools/comment_names_allowlist.txt. Usage: check_comment_names.py [REPO_ROOT]; exit 1 on findings.
"""
import os
import re
import sys

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
CODE_DIRS = ("src", "imgui_ui", "wasm", "tools", "tests", "shell", "bench", "cmake", "scripts")
SKIP_DIRS = {"node_modules", "third_party", "build", ".git", "screenshots", "results", "fixtures", "golden"}
CODE_EXT = (".h", ".cpp", ".js", ".mjs", ".py", ".sh", ".cmake", ".txt", ".html")
DOC_SKIP_DIRS = {"node_modules", "third_party", "build", ".git"}  # every other *.md is a doc
COMMENTED = ("src", "imgui_ui", "wasm", "tools", "tests")  # whose comments are read

CALL = re.compile(r"(?<![\w$])((?:[A-Za-z_]\w*::)*[A-Za-z_]\w*)\([^()\n]{0,80}\)")
PATH = re.compile(r"(?<![\w./-])((?:\.\./)*(?:[\w.-]+/)+[\w.-]+\.(?:h|cpp|js|mjs|md|sh|py|json|jsonl|csv|cmake|html|css|txt))\b")
BARE_FILE = re.compile(r"(?<![\w./-])([\w-]+\.(?:h|cpp|js|mjs|py|sh))\b(?!/)")
CODE_CALL = re.compile(r"\b([A-Za-z_]\w*)\s*\(")
JS_METHOD = re.compile(r"^\s*(?:async\s+)?([A-Za-z_$][\w$]*)\s*\([^)]*\)\s*\{", re.M)
JS_PROPERTY = re.compile(r"\b([A-Za-z_$][\w$]*)\s*[:=]\s*(?:async\s*)?(?:function\b|\([^)]*\)\s*=>|[\w$]+\s*=>)")
JS_ASSIGNED = re.compile(r"\.([A-Za-z_$][\w$]*)\s*=[^=]")  # api.saveQuery = method('saveQuery')


def walk(top):
    for folder, dirs, files in os.walk(os.path.join(ROOT, top)):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not os.path.islink(os.path.join(folder, d)))
        for name in sorted(files):
            yield os.path.join(folder, name)


def split_comments(path, text):
    """(code, comments): the text with comments blanked, and the comments with their line numbers."""
    if path.endswith((".py", ".sh", ".cmake", ".txt")):
        pattern = re.compile(r"#[^\n]*")
    else:
        pattern = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
    comments, code = [], []
    last = 0
    for m in pattern.finditer(text):
        # A // inside a string (a URL) is not a comment: skip it when the line has an odd number of quotes.
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[line_start:m.start()]
        if before.count('"') % 2 or before.count("'") % 2 or before.count("`") % 2:
            continue
        code.append(text[last:m.start()])
        comments.append((text.count("\n", 0, m.start()) + 1, m.group(0)))
        last = m.end()
    code.append(text[last:])
    return "".join(code), comments


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def known_functions():
    """Every name the tree's code calls, declares or defines (comments excluded)."""
    names = set()
    for top in CODE_DIRS:
        for path in walk(top):
            if not path.endswith(CODE_EXT):
                continue
            code, _ = split_comments(path, read(path))
            names.update(CODE_CALL.findall(code))
            if path.endswith((".js", ".mjs", ".html")):
                names.update(JS_METHOD.findall(code))
                names.update(JS_PROPERTY.findall(code))
                names.update(JS_ASSIGNED.findall(code))
    return names


def load_allowlist():
    names, prefixes = set(), []
    path = os.path.join(ROOT, "tools", "comment_names_allowlist.txt")
    for line in read(path).splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.endswith("*"):
            prefixes.append(line[:-1])
        else:
            names.add(line)
    return names, prefixes


def file_names():
    """The base names of the tree's files (a file named without its folder)."""
    names = set()
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in DOC_SKIP_DIRS and not os.path.islink(os.path.join(folder, d))]
        names.update(files)
    return names


def path_exists(mention, source):
    here = os.path.dirname(source)
    for base in (ROOT, os.path.join(ROOT, "src"), here, os.path.join(ROOT, "tests")):
        if os.path.exists(os.path.normpath(os.path.join(base, mention))):
            return True
    return False


def texts_to_check():
    """(path, [(line, text)]): whole docs, and the comments of code files."""
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = sorted(d for d in dirs if d not in DOC_SKIP_DIRS and not os.path.islink(os.path.join(folder, d)))
        for name in sorted(files):
            if name.endswith(".md"):
                path = os.path.join(folder, name)
                yield path, list(enumerate(read(path).splitlines(), start=1))
    for top in COMMENTED:
        for path in walk(top):
            if path.endswith(CODE_EXT):
                yield path, split_comments(path, read(path))[1]


def main():
    functions = known_functions()
    files = file_names()
    allowed, prefixes = load_allowlist()
    findings = []

    def allowed_name(name):
        return name in allowed or any(name.startswith(p) for p in prefixes)

    for path, pieces in texts_to_check():
        rel = os.path.relpath(path, ROOT)
        for line, text in pieces:
            for m in CALL.finditer(text):
                full = m.group(1)
                last = full.split("::")[-1]
                if last not in functions and not allowed_name(full) and not allowed_name(last):
                    findings.append(f"{rel}:{line}: {full}() is not a function in the tree")
            for m in PATH.finditer(text):
                mention = m.group(1)
                if not path_exists(mention, path) and not allowed_name(mention):
                    findings.append(f"{rel}:{line}: {mention} is not a file in the tree")
            for m in BARE_FILE.finditer(text):
                if m.group(1) not in files and not allowed_name(m.group(1)):
                    findings.append(f"{rel}:{line}: {m.group(1)} is not a file in the tree")
    for f in findings:
        print(f)
    print(f"{len(findings)} name(s) in comments and docs that the tree does not have")
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
