#!/usr/bin/env python3
"""tools/check_layers.py on small trees: a clean one passes; an upward include, a core file
that reaches ImGui, and a folder that is no layer each fail with a message naming the file."""
import pathlib
import subprocess
import sys
import tempfile

CHECKER = pathlib.Path(__file__).resolve().parents[2] / "tools" / "check_layers.py"
LAYERS = "set(SIGHTLINE_LAYERS util model store)\n"


def run(files):
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        (root / "cmake").mkdir()
        (root / "cmake" / "Layers.cmake").write_text(LAYERS)
        (root / "imgui_ui").mkdir()
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text)
        done = subprocess.run([sys.executable, str(CHECKER), "--root", str(root), "--layers-file",
                               str(root / "cmake" / "Layers.cmake")], capture_output=True, text=True)
        return done.returncode, done.stderr


def expect(name, files, code, needle=""):
    got_code, err = run(files)
    if got_code != code or needle not in err:
        print(f"FAIL {name}: rc {got_code} (want {code}), stderr: {err!r} (want {needle!r})")
        return False
    print(f"ok   {name}")
    return True


CLEAN = {"src/util/a.h": "#pragma once\n", "src/model/b.h": '#include "util/a.h"\n',
         "src/store/c.cpp": '#include "model/b.h"\n#include <vector>\n', "imgui_ui/p.cpp": '#include "store/c.h"\n'}
results = [
    expect("clean tree", CLEAN, 0),
    expect("upward include", {**CLEAN, "src/util/d.cpp": '#include "store/c.h"\n'}, 1,
           'src/util/d.cpp:1: util/ includes "store/c.h", which is in the higher layer store/'),
    expect("core includes ImGui", {**CLEAN, "src/model/e.cpp": "#include <imgui.h>\n"}, 1, "src/model/e.cpp:1"),
    expect("folder that is no layer", {**CLEAN, "src/extra/f.h": "#pragma once\n"}, 1, "src/extra/ is not a layer"),
    expect("UI includes the browser layer", {**CLEAN, "imgui_ui/q.cpp": '#include "wasm/browser_app.h"\n'}, 1,
           "imgui_ui/q.cpp:1"),
]
sys.exit(0 if all(results) else 1)
