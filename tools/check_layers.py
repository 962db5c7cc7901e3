#!/usr/bin/env python3
"""Fails when an #include runs up the core's layers (the order is cmake/Layers.cmake's
SIGHTLINE_LAYERS, lowest first), when src/ reaches the UI or the browser layer (imgui_ui/,
wasm/, ImGui, Emscripten), or when src/ has a folder that is not a layer. The build runs it
before compiling (CMakeLists.txt), so a wrong-way include never lands.

Usage: check_layers.py --root REPO --layers-file cmake/Layers.cmake
"""
import argparse
import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
# What the core must never see: it builds natively and in wasm, without a UI.
FORBIDDEN_IN_CORE = ("imgui", "emscripten", "GLFW/", "imgui_ui/", "wasm/")


def read_layers(layers_file):
    text = pathlib.Path(layers_file).read_text()
    match = re.search(r"set\(SIGHTLINE_LAYERS\s+([^)]*)\)", text)
    if not match:
        sys.exit(f"{layers_file}: no set(SIGHTLINE_LAYERS ...) line")
    return match.group(1).split()


def includes(path):
    for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
        found = INCLUDE.match(line)
        if found:
            yield number, found.group(1), found.group(2)


def check_core_file(path, layer, rank, errors):
    for number, kind, target in includes(path):
        where = f"{path}:{number}"
        if any(target.startswith(bad) or bad in target for bad in FORBIDDEN_IN_CORE):
            errors.append(f"{where}: src/ includes <{target}>; the core stays free of the UI and the browser")
            continue
        if kind == "<":
            continue
        folder = target.split("/", 1)[0] if "/" in target else None
        if folder is None:
            errors.append(f'{where}: "{target}" has no layer folder; write it as "<layer>/{target}"')
        elif folder not in rank:
            errors.append(f'{where}: "{target}" is in no layer of cmake/Layers.cmake')
        elif rank[folder] > rank[layer]:
            errors.append(f'{where}: {layer}/ includes "{target}", which is in the higher layer {folder}/; '
                          f"move the shared piece down (order: {' -> '.join(rank)})")


def check_ui_file(path, rank, errors):
    for number, kind, target in includes(path):
        if kind == '"' and (target.startswith("wasm/") or "emscripten" in target):
            errors.append(f"{path}:{number}: imgui_ui/ includes \"{target}\"; the UI stays free of the browser layer")
        elif kind == "<" and "emscripten" in target:
            errors.append(f"{path}:{number}: imgui_ui/ includes <{target}>; the UI stays free of the browser layer")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True)
    parser.add_argument("--layers-file", required=True)
    args = parser.parse_args()
    root = pathlib.Path(args.root)
    rank = {layer: index for index, layer in enumerate(read_layers(args.layers_file))}
    errors = []
    for folder in sorted(p for p in (root / "src").iterdir() if p.is_dir()):
        if folder.name not in rank:
            errors.append(f"{folder}: src/{folder.name}/ is not a layer; add it to SIGHTLINE_LAYERS in cmake/Layers.cmake")
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".h", ".cpp"):
                check_core_file(path, folder.name, rank, errors)
    for path in sorted((root / "imgui_ui").glob("*")):
        if path.suffix in (".h", ".cpp"):
            check_ui_file(path, rank, errors)
    for error in errors:
        print(error, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
