"""The wheel and the sdist carry what an install needs (the course, the app's files; the sdist also its tests), and
the package finds them through importlib.resources wherever it is installed."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from ketaquiz.resources import asset, shipped_dir

REPO = Path(__file__).resolve().parents[1]


def _files(folder: str, pattern: str = "**/*") -> set[str]:
    return {p.relative_to(REPO).as_posix() for p in (REPO / folder).glob(pattern)
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> tuple[set[str], set[str]]:
    """(names in the wheel, names in the sdist below its top folder), built as a release builds them:
    the sdist, then the wheel from the unpacked sdist."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(REPO)],
                   check=True, capture_output=True, text=True)
    wheel, = out.glob("*.whl")
    sdist, = out.glob("*.tar.gz")
    with zipfile.ZipFile(wheel) as z:
        in_wheel = set(z.namelist())
        entry_points = z.read(next(n for n in in_wheel if n.endswith(".dist-info/entry_points.txt"))).decode()
    in_wheel.add(f"entry_points.txt:{entry_points}")
    with tarfile.open(sdist) as t:
        in_sdist = {n.split("/", 1)[1] for n in t.getnames() if "/" in n}
    return in_wheel, in_sdist


def test_the_wheel_carries_the_course_and_the_apps_files(dist: tuple[set[str], set[str]]) -> None:
    in_wheel, _ = dist
    course = _files("questions")
    assert "questions/ketamine/set.toml" in course and "questions/ketamine/article.txt" in course
    assert {f"ketaquiz/{f}" for f in course} <= in_wheel
    assert {"ketaquiz/assets/style.qss", "ketaquiz/assets/ketaquiz.svg", "ketaquiz/assets/ketaquiz.png",
            "ketaquiz/assets/ketaquiz.desktop"} <= in_wheel
    assert _files("ketaquiz", "**/*.py") <= in_wheel  # every module, subpackages too
    assert not any("screenshots" in n for n in in_wheel)  # the README's pictures stay out of the wheel
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in in_wheel)
    entry_points = next(n for n in in_wheel if n.startswith("entry_points.txt:"))
    assert "[console_scripts]\nketaquiz = ketaquiz.cli:main" in entry_points
    assert "[gui_scripts]\nketaquiz-gui = ketaquiz.cli:gui_main" in entry_points  # Windows: no console window


def test_the_sdist_carries_the_course_assets_and_the_tests_with_their_fixtures(dist: tuple[set[str], set[str]]) -> None:
    _, in_sdist = dist
    for folder in ("questions", "assets", "tests", "ketaquiz"):
        missing = _files(folder) - in_sdist
        assert not missing, f"left out of the sdist: {sorted(missing)[:5]}"
    assert {"LICENSE", "README.md", "pyproject.toml", "setup.py"} <= in_sdist


def test_a_checkout_reads_its_top_level_folders() -> None:
    assert shipped_dir("questions") == REPO / "questions"
    assert asset("style.qss") == REPO / "assets" / "style.qss"
    with pytest.raises(ValueError, match="questions, assets"):
        shipped_dir("tests")


def test_an_installed_package_reads_the_course_from_inside_itself(tmp_path: Path) -> None:
    """Laid out as a wheel installs it (the folders inside the package), far from the checkout: the package's own
    copy is found, not the checkout's."""
    site = tmp_path / "site-packages"
    shutil.copytree(REPO / "ketaquiz", site / "ketaquiz", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "questions", site / "ketaquiz" / "questions")
    shutil.copytree(REPO / "assets", site / "ketaquiz" / "assets", ignore=shutil.ignore_patterns("screenshots"))
    code = ("import sys; sys.path.insert(0, sys.argv[1]);"
            "from ketaquiz.core.library import bundled_questions_dir; from ketaquiz.resources import asset;"
            "print(bundled_questions_dir()); print(asset('style.qss'))")
    out = subprocess.run([sys.executable, "-c", code, str(site)], cwd=tmp_path, check=True,
                         capture_output=True, text=True).stdout.split()
    assert out == [str(site / "ketaquiz" / "questions"), str(site / "ketaquiz" / "assets" / "style.qss")]


def test_the_readmes_debian_libraries_are_what_setup_installs() -> None:
    """The Install section's apt-get line and scripts/setup.sh name the same Qt system libraries."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("**Debian / Ubuntu.**", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    in_readme = set(block.replace("\\\n", " ").split()) - {"sudo", "apt-get", "install"}
    setup = (REPO / "scripts" / "setup.sh").read_text(encoding="utf-8")
    in_setup = set(re.search(r'QT_LIBS="([^"]+)"', setup).group(1).split()) - {"xvfb", "desktop-file-utils"}
    assert in_readme == in_setup
