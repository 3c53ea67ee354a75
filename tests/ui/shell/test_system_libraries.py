"""A missing system library is named with its Debian package, in one line, before Qt loads."""

from relationapp.ui.shell import system_libraries as libs


def _no_gl():
    raise ImportError("libGL.so.1: cannot open shared object file: No such file or directory")


def test_a_bare_debian_without_libgl_is_told_which_package_to_install():
    missing = libs.missing_libraries(import_qt=_no_gl, loads=lambda name: True, environ={}, platform="linux")
    assert missing == ["libGL.so.1"]
    assert libs.install_hint(missing).endswith("sudo apt install libgl1")


def test_a_real_x11_window_checks_every_xcb_library_qt_loads():
    absent = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-shape.so.0"}
    missing = libs.missing_libraries(import_qt=lambda: None, loads=lambda name: name not in absent,
                                     environ={"DISPLAY": ":0"}, platform="linux")
    assert set(missing) == absent
    hint = libs.install_hint(missing)
    assert "\n" not in hint and hint.endswith("libxcb-icccm4 libxcb-keysyms1 libxcb-shape0")


def test_offscreen_wayland_and_other_systems_need_no_xcb():
    def never(name):
        raise AssertionError(name)

    for environ in ({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}):
        assert libs.missing_libraries(import_qt=lambda: None, loads=never, environ=environ, platform="linux") == []
    assert libs.missing_libraries(import_qt=_no_gl, loads=never, environ={}, platform="win32") == []


def test_the_command_exits_2_with_the_hint_instead_of_a_traceback(monkeypatch, capsys, tmp_path):
    from relationapp.__main__ import main

    monkeypatch.setattr(libs, "missing_libraries", lambda: ["libEGL.so.1"])
    assert main(["--db", str(tmp_path / "x.db")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "sudo apt install libegl1" in err
