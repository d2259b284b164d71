"""A PEP 517 (and PEP 660) build backend for this one pure-Python package, standard library
only: it writes the wheel (the `permafrost_client` package and its metadata, taken from
`pyproject.toml`) with `zipfile`, so installing needs nothing from a package index."""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile
from pathlib import Path
from typing import Dict, List, Optional, Tuple

HERE = Path(__file__).resolve().parent
PACKAGE = "permafrost_client"
TAG = "py3-none-any"


def _project() -> Dict[str, str]:
    """name, version, description and requires-python of `[project]`."""
    text = (HERE / "pyproject.toml").read_text(encoding="utf-8")
    try:
        import tomllib

        project = tomllib.loads(text)["project"]
        return {k: str(project[k]) for k in ("name", "version", "description", "requires-python")}
    except ImportError:  # Python < 3.11: the four keys are plain strings in [project]
        section = text.split("[project]", 1)[1].split("\n[", 1)[0]
        found = dict(re.findall(r'^([\w-]+)\s*=\s*"([^"]*)"', section, re.MULTILINE))
        return {k: found[k] for k in ("name", "version", "description", "requires-python")}


def _dist_name() -> Tuple[str, str]:
    project = _project()
    return re.sub(r"[-_.]+", "_", project["name"]).lower(), project["version"]


def _metadata() -> str:
    project = _project()
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    return (
        "Metadata-Version: 2.1\n"
        f"Name: {project['name']}\n"
        f"Version: {project['version']}\n"
        f"Summary: {project['description']}\n"
        "License: MIT OR Apache-2.0\n"
        f"Requires-Python: {project['requires-python']}\n"
        "Description-Content-Type: text/markdown\n"
        "\n" + readme
    )


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def _write_wheel(directory: str, files: List[Tuple[str, bytes]]) -> str:
    name, version = _dist_name()
    dist_info = f"{name}-{version}.dist-info"
    files = files + [
        (f"{dist_info}/METADATA", _metadata().encode()),
        (f"{dist_info}/WHEEL", (
            "Wheel-Version: 1.0\nGenerator: permafrost _build_backend\n"
            f"Root-Is-Purelib: true\nTag: {TAG}\n").encode()),
    ]
    record = [_record_line(n, d) for n, d in files] + [f"{dist_info}/RECORD,,"]
    files.append((f"{dist_info}/RECORD", ("\n".join(record) + "\n").encode()))
    wheel = f"{name}-{version}-{TAG}.whl"
    with zipfile.ZipFile(os.path.join(directory, wheel), "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in files:
            info = zipfile.ZipInfo(n, date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            z.writestr(info, d, zipfile.ZIP_DEFLATED)
    return wheel


def _package_files() -> List[Tuple[str, bytes]]:
    root = HERE / PACKAGE
    return [
        (f"{PACKAGE}/{p.relative_to(root).as_posix()}", p.read_bytes())
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    ]


def get_requires_for_build_wheel(config_settings: Optional[dict] = None) -> List[str]:
    return []


def get_requires_for_build_sdist(config_settings: Optional[dict] = None) -> List[str]:
    return []


def get_requires_for_build_editable(config_settings: Optional[dict] = None) -> List[str]:
    return []


def build_wheel(wheel_directory: str, config_settings: Optional[dict] = None,
                metadata_directory: Optional[str] = None) -> str:
    return _write_wheel(wheel_directory, _package_files())


def build_editable(wheel_directory: str, config_settings: Optional[dict] = None,
                   metadata_directory: Optional[str] = None) -> str:
    # A .pth file puts this directory on sys.path: edits take effect without reinstalling.
    return _write_wheel(wheel_directory, [(f"{PACKAGE}.pth", (str(HERE) + "\n").encode())])


def build_sdist(sdist_directory: str, config_settings: Optional[dict] = None) -> str:
    name, version = _dist_name()
    base = f"{name}-{version}"
    members = ["pyproject.toml", "README.md", "_build_backend.py"] + [
        n for n, _ in _package_files()]
    target = os.path.join(sdist_directory, base + ".tar.gz")
    with tarfile.open(target, "w:gz", format=tarfile.PAX_FORMAT) as tar:
        for member in members:
            data = (HERE / member).read_bytes()
            info = tarfile.TarInfo(f"{base}/{member}")
            info.size, info.mode, info.mtime = len(data), 0o644, 1577836800
            tar.addfile(info, io.BytesIO(data))
        pkg_info = _metadata().encode()
        info = tarfile.TarInfo(f"{base}/PKG-INFO")
        info.size, info.mode, info.mtime = len(pkg_info), 0o644, 1577836800
        tar.addfile(info, io.BytesIO(pkg_info))
    return base + ".tar.gz"
