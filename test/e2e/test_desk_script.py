"""The editor's script with script turned on, in headless Chromium (test/browser/desk_script.mjs):
toolbar, live preview, autosave into the revisions, no CSP violation. Needs node, Debian's chromium and
playwright-core (HCWEB_PLAYWRIGHT: a node_modules folder holding it, e.g. pagecheck's); without them
the test is skipped and says why. The same features without script are tested in test_revisions.py."""
import os
import re
import shutil
import subprocess

import pytest

from admin_helpers import Admin, add_user
from conftest import ROOT

MODULES = os.environ.get("HCWEB_PLAYWRIGHT", "")


@pytest.mark.skipif(not (MODULES and os.path.isdir(os.path.join(MODULES, "playwright-core"))
                         and shutil.which("node") and os.path.exists("/usr/bin/chromium")),
                    reason="set HCWEB_PLAYWRIGHT to a node_modules with playwright-core (and install node, chromium)")
def test_editor_script_in_chromium(make_site):
    site = make_site()
    ed = Admin(site, add_user(site, "script"))
    r = ed.post("/admin/nyheter/ny", {"title": "Med skript", "author": "", "category": "0", "featured": "0",
                                       "excerpt": "", "body": "Början.", "publish_date": "", "publish_time": "",
                                       "version": "1", "action": "draft"})
    pid = int(re.match(r"/admin/nyheter/(\d+)", r.headers["location"]).group(1))
    env = dict(os.environ, HCWEB_PLAYWRIGHT=MODULES, HCWEB_COOKIE=f"hcsession={ed.token}")
    out = subprocess.run(["node", os.path.join(ROOT, "test/browser/desk_script.mjs"), site.url,
                          f"/admin/nyheter/{pid}"], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    kept = site.sql("SELECT kind, body_md FROM revisions WHERE item_type = 'post' AND item_id = ?", (pid,))
    assert kept and kept[-1][0] == "autosave" and kept[-1][1].startswith("- **Rad** ett")
    assert site.sql("SELECT body_md FROM posts WHERE id = ?", (pid,)) == [("Början.",)]
