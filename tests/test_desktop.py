"""A desktop app's manners: the desktop entry and icon (`ketaquiz install-desktop`), the window icon, the About
dialog, and the GUI script that runs with no console."""

from __future__ import annotations

import configparser
import logging
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

import ketaquiz
from ketaquiz.cli import main
from ketaquiz.core.library import DataDir, bundled_questions_dir
from ketaquiz.desktop import DesktopFiles, entry_text, install_desktop, launcher, remove_desktop
from ketaquiz.resources import asset


def _entry(path: Path) -> configparser.SectionProxy:
    cp = configparser.ConfigParser(interpolation=None, strict=True)
    cp.optionxform = str  # type: ignore[assignment,method-assign]  (keys are case-sensitive)
    cp.read(path, encoding="utf-8")
    return cp["Desktop Entry"]


def test_install_desktop_puts_the_entry_and_icons_for_this_user(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert main(["install-desktop"]) == 0
    files = DesktopFiles(tmp_path / "share")
    entry = _entry(files.entry)
    assert entry["Name"] == "KetaQuiz" and entry["Icon"] == "ketaquiz" and entry["Terminal"] == "false"
    assert entry["Exec"] == " ".join(launcher())  # this installation, not whatever 'ketaquiz' is on PATH
    assert Path(launcher()[0]).is_file()
    for name, dest in files.icons.items():
        assert dest.read_bytes() == asset(name).read_bytes()
    assert "applications menu" in capsys.readouterr().out
    assert main(["install-desktop", "--remove"]) == 0
    assert not files.entry.exists() and not any(p.exists() for p in files.icons.values())


def test_the_entry_quotes_a_launcher_path_with_spaces(tmp_path: Path) -> None:
    files = DesktopFiles(tmp_path)
    install_desktop(files, ["/home/a b/venv/bin/ketaquiz"])
    assert _entry(files.entry)["Exec"] == '"/home/a b/venv/bin/ketaquiz"'
    assert "Exec=/usr/bin/python3 -m ketaquiz" in entry_text(["/usr/bin/python3", "-m", "ketaquiz"])
    assert remove_desktop(files) and remove_desktop(files) == []


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_the_entry_passes_desktop_file_validate(tmp_path: Path) -> None:
    files = DesktopFiles(tmp_path)
    install_desktop(files)
    out = subprocess.run(["desktop-file-validate", str(files.entry)], capture_output=True, text=True)
    assert out.returncode == 0 and not out.stdout.strip(), out.stdout


def test_the_gui_script_runs_without_standard_streams() -> None:
    """Under pythonw (Windows' GUI scripts) sys.stdout and sys.stderr are None: printing must not crash it."""
    code = ("import sys; sys.stdout = sys.stderr = None; sys.argv = ['ketaquiz-gui', '--version'];"
            "from ketaquiz.cli import gui_main\ntry:\n    gui_main()\nexcept SystemExit as e:\n    sys.exit(e.code)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0


def test_the_app_has_its_icon(qapp: QApplication) -> None:
    from ketaquiz.ui.app import set_app_icon

    set_app_icon(qapp)
    assert not qapp.windowIcon().isNull() and not qapp.windowIcon().pixmap(32, 32).isNull()
    assert QApplication.desktopFileName() == "ketaquiz"


def test_about_names_the_version_the_data_folder_and_the_log(qtbot, tmp_path: Path) -> None:
    from ketaquiz.ui.about import AboutDialog

    data = DataDir(tmp_path / "data")
    log = logging.FileHandler(tmp_path / "ketaquiz.log", delay=True)
    logging.getLogger("ketaquiz.app").addHandler(log)  # a logger under KetaQuiz's own
    try:
        dlg = AboutDialog(data, "default")
    finally:
        logging.getLogger("ketaquiz.app").removeHandler(log)
    qtbot.addWidget(dlg)
    text = dlg.facts.text()
    for fact in (ketaquiz.__version__, str(data.root), str(data.db_path("default")), str(tmp_path / "ketaquiz.log"),
                 str(bundled_questions_dir())):
        assert fact in text


def test_help_about_opens_the_dialog(qtbot, monkeypatch, ctx) -> None:  # noqa: F811
    from ketaquiz.ui.about import AboutDialog
    from ketaquiz.ui.main_window import MainWindow

    shown: list[AboutDialog] = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: shown.append(self) or 0)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    assert win.help_menu.menuAction() in win.menuBar().actions() and win.help_menu.title() == "&Help"
    assert win.about_action in win.help_menu.actions()
    win.about_action.trigger()
    assert len(shown) == 1 and str(ctx.data.root) in shown[0].facts.text()


from .test_ui_study import ctx  # noqa: E402, F401 (fixture)
