"""Metadata parsers: each built-in on good and bad files the tests write, the choice by suffix,
and a plugin from a tiny package found through its entry point."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from pycrucible import ParserDependencyError, ParserError
from pycrucible.parsers import available_parsers, find_parser, parse_file, parsed_metadata
from pycrucible.parsers._base import require

# ---- JSON and YAML sidecars


def test_json_sidecar(tmp_path: Path) -> None:
    path = tmp_path / "scan.json"
    path.write_text(json.dumps({"temperature_K": 300, "beam": {"energy_keV": 200}}))
    assert parse_file(path) == {"temperature_K": 300, "beam": {"energy_keV": 200}}


@pytest.mark.parametrize("text", ['{"a": 1', "[1, 2]", ""])
def test_bad_json_names_file_and_parser(tmp_path: Path, text: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(ParserError) as caught:
        parse_file(path)
    assert caught.value.parser == "json"
    assert caught.value.path == path
    assert "'json'" in str(caught.value)
    assert str(path) in str(caught.value)


def test_yaml_sidecar_turns_dates_into_text(tmp_path: Path) -> None:
    path = tmp_path / "run.yaml"
    path.write_text("operator: ada\nwhen: 2026-01-02\nsteps: [1, 2]\n")
    assert parse_file(path) == {"operator": "ada", "when": "2026-01-02", "steps": [1, 2]}
    assert parse_file(tmp_path / "run.yaml", "yaml")["operator"] == "ada"


def test_bad_yaml(tmp_path: Path) -> None:
    path = tmp_path / "bad.yml"
    path.write_text("key: [unclosed\n")
    with pytest.raises(ParserError, match="'yaml'"):
        parse_file(path)
    path.write_text("- just\n- a list\n")
    with pytest.raises(ParserError, match="object"):
        parse_file(path)


# ---- CSV


@pytest.mark.parametrize(("delimiter", "suffix"), [(",", ".csv"), (";", ".csv"), ("\t", ".tsv")])
def test_csv_header_summary(tmp_path: Path, delimiter: str, suffix: str) -> None:
    path = tmp_path / f"table{suffix}"
    rows = [["time_s", "voltage_V", "current_A"], ["0", "1.5", "0.1"], ["1", "1.6", "0.2"]]
    path.write_text("\n".join(delimiter.join(r) for r in rows) + "\n")
    assert parse_file(path) == {
        "columns": ["time_s", "voltage_V", "current_A"],
        "column_count": 3,
        "row_count": 2,
        "delimiter": delimiter,
    }


def test_csv_single_column_and_bad_files(tmp_path: Path) -> None:
    path = tmp_path / "one.csv"
    path.write_text("counts\n1\n2\n3\n")
    assert parse_file(path)["row_count"] == 3
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(ParserError, match="empty"):
        parse_file(empty)
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\xff\xfe\x00\x81garbage")
    with pytest.raises(ParserError, match="'csv'"):
        parse_file(binary)


# ---- HDF5


def test_hdf5_attributes_shapes_and_dtypes(tmp_path: Path) -> None:
    h5py = pytest.importorskip("h5py")
    import numpy

    path = tmp_path / "scan.h5"
    with h5py.File(path, "w") as handle:
        handle.attrs["instrument"] = "TEAM 0.5"
        handle.attrs["voltage_kV"] = 300.0
        group = handle.create_group("detector")
        group.attrs["binning"] = numpy.array([2, 2])
        data = group.create_dataset("frames", data=numpy.zeros((4, 8, 8), dtype="uint16"))
        data.attrs["units"] = b"counts"
    info = parse_file(path)
    assert info["attributes"] == {"instrument": "TEAM 0.5", "voltage_kV": 300.0}
    assert info["groups"] == {"/detector": {"binning": [2, 2]}}
    assert info["datasets"] == {
        "/detector/frames": {
            "shape": [4, 8, 8],
            "dtype": "uint16",
            "attributes": {"units": "counts"},
        }
    }
    json.dumps(info)  # JSON-compatible all the way down


def test_hdf5_bad_file(tmp_path: Path) -> None:
    pytest.importorskip("h5py")
    path = tmp_path / "broken.h5"
    path.write_bytes(b"not an hdf5 file at all")
    with pytest.raises(ParserError, match="'hdf5'") as caught:
        parse_file(path)
    assert str(path) in str(caught.value)


# ---- images


def test_tiff_tags(tmp_path: Path) -> None:
    image_module = pytest.importorskip("PIL.Image")
    from PIL.TiffImagePlugin import ImageFileDirectory_v2

    tags = ImageFileDirectory_v2()
    tags[270] = "gold nanoparticles"  # ImageDescription
    tags[305] = "microscope 1.0"  # Software
    path = tmp_path / "frame.tif"
    image_module.new("L", (5, 3)).save(path, tiffinfo=tags, dpi=(300, 300))
    info = parse_file(path)
    assert (info["format"], info["width"], info["height"], info["mode"]) == ("TIFF", 5, 3, "L")
    assert info["tags"]["ImageDescription"] == "gold nanoparticles"
    assert info["tags"]["Software"] == "microscope 1.0"
    assert info["tags"]["XResolution"] == 300.0  # a TIFF rational, as a number
    json.dumps(info)


def test_png_text_and_jpeg_exif(tmp_path: Path) -> None:
    image_module = pytest.importorskip("PIL.Image")
    from PIL.PngImagePlugin import PngInfo

    text = PngInfo()
    text.add_text("sample", "S-42")
    png = tmp_path / "a.png"
    image_module.new("RGB", (2, 2)).save(png, pnginfo=text)
    assert parse_file(png)["text"] == {"sample": "S-42"}

    exif = image_module.Exif()
    exif[0x010F] = "Lab camera"  # Make
    jpeg = tmp_path / "b.JPG"
    image_module.new("RGB", (4, 4)).save(jpeg, exif=exif)
    info = parse_file(jpeg)
    assert info["format"] == "JPEG"
    assert info["tags"]["Make"] == "Lab camera"


def test_truncated_image(tmp_path: Path) -> None:
    image_module = pytest.importorskip("PIL.Image")
    good = tmp_path / "good.png"
    image_module.new("RGB", (64, 64)).save(good)
    bad = tmp_path / "bad.png"
    bad.write_bytes(good.read_bytes()[:40])
    with pytest.raises(ParserError, match="'image'"):
        parse_file(bad)


# ---- LAMMPS

LAMMPS_INPUT = """\
# melt of an LJ liquid
units       lj
atom_style  atomic
boundary    p p p
lattice     fcc 0.8442
timestep    0.005
fix         1 all nve
thermo_style custom step temp pe &
             etotal press
thermo      50
run         250
"""

LAMMPS_LOG = """\
LAMMPS (29 Aug 2024)
units       lj
atom_style  atomic
timestep    0.005
thermo      50
run         100
  Per MPI rank memory allocation (min/avg/max) = 2.9 | 2.9 | 2.9 Mbytes
   Step          Temp          E_pair         TotEng         Press
       0   3              -6.7733681     -2.2744931     -3.7033504
      50   1.6842865      -4.8082494     -2.2824513      5.5666131
     100   1.6712577      -4.7875609     -2.2813008      5.6613913
Loop time of 0.0371 on 1 procs for 100 steps with 4000 atoms
run         50
Step Temp E_pair TotEng Press
     100   1.6712577      -4.7875609     -2.2813008      5.6613913
     150   1.6444751      -4.7471034     -2.2810074      5.8614211
Loop time of 0.0185 on 1 procs for 50 steps with 4000 atoms
Total wall time: 0:00:00
"""


def test_lammps_input(tmp_path: Path) -> None:
    path = tmp_path / "melt.lmp"
    path.write_text(LAMMPS_INPUT)
    assert parse_file(path) == {
        "units": "lj",
        "atom_style": "atomic",
        "boundary": "p p p",
        "timestep": 0.005,
        "fixes": ["nve"],
        "thermo_style": "custom step temp pe etotal press",
        "thermo_every": 50,
        "run_steps": [250],
    }


def test_lammps_log(tmp_path: Path) -> None:
    path = tmp_path / "log.lammps"
    path.write_text(LAMMPS_LOG)
    info = parse_file(path)
    assert info["lammps_version"] == "29 Aug 2024"
    assert (info["units"], info["atom_style"], info["timestep"]) == ("lj", "atomic", 0.005)
    assert info["run_steps"] == [100, 50]
    assert info["thermo_columns"] == ["Step", "Temp", "E_pair", "TotEng", "Press"]
    assert [(r["rows"], r["first_step"], r["last_step"]) for r in info["thermo_runs"]] == [
        (3, 0, 100),
        (2, 100, 150),
    ]
    assert info["steps_run"] == 150


def test_lammps_bad_files(tmp_path: Path) -> None:
    path = tmp_path / "notes.lmp"
    path.write_text("# only a comment\n\n")
    with pytest.raises(ParserError, match="'lammps-input'"):
        parse_file(path)
    log = tmp_path / "log.lammps"
    log.write_text("hello world\n")
    with pytest.raises(ParserError, match="'lammps-log'"):
        parse_file(log)


# ---- choosing a parser


def test_auto_none_and_names(tmp_path: Path) -> None:
    path = tmp_path / "data.bin"
    path.write_bytes(b"\x00\x01")
    assert find_parser(path) is None
    assert parse_file(path) == {}  # auto: no parser claims .bin
    sidecar = tmp_path / "x.json"
    sidecar.write_text('{"a": 1}')
    assert parse_file(sidecar, "none") == {}
    # A named parser reads any file; a JSON file is valid YAML.
    assert parse_file(sidecar, "yaml") == {"a": 1}
    with pytest.raises(ParserError, match="unknown parser 'xrd'"):
        parse_file(sidecar, "xrd")
    with pytest.raises(ParserError, match="no such file"):
        parse_file(tmp_path / "missing.json")
    assert {"json", "yaml", "csv", "hdf5", "image", "lammps-input", "lammps-log"} <= set(
        available_parsers()
    )


def test_caller_keys_win(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"a": 1, "b": 2}')
    assert parsed_metadata(path, "auto", {"b": 3}) == {"a": 1, "b": 3}
    assert parsed_metadata(path, "auto", None) == {"a": 1, "b": 2}
    assert parsed_metadata(path, "none", None) is None


def test_missing_library_names_the_extra() -> None:
    with pytest.raises(ParserDependencyError, match=r"pip install 'pycrucible-client\[hdf5\]'"):
        require("no_such_module_for_parsers", "hdf5", "hdf5")


# ---- plugins through the entry-point group

PLUGIN = """
from pycrucible.parsers import Parser


def _read(path):
    fields = path.read_text().split()
    if not fields:
        raise ValueError("empty scan")
    return {"xrd_peaks": [float(f) for f in fields]}


XRD = Parser("xrd", (".xrd",), _read)
"""


def test_plugin_from_an_installed_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "lab_xrd_parser.py").write_text(PLUGIN)
    info = tmp_path / "lab_xrd_parser-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: lab-xrd-parser\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[pycrucible.parsers]\nxrd = lab_xrd_parser:XRD\n")
    scan = tmp_path / "s.xrd"
    scan.write_text("28.4 47.3 56.1")
    with pytest.raises(ParserError):
        parse_file(scan, "xrd")  # not installed yet
    monkeypatch.syspath_prepend(str(tmp_path))
    assert "xrd" in available_parsers()
    assert parse_file(scan) == {"xrd_peaks": [28.4, 47.3, 56.1]}
    scan.write_text("")
    with pytest.raises(ParserError, match=r"'xrd'.*empty scan"):
        parse_file(scan)


@pytest.mark.parametrize(
    ("module", "suffix", "extra"),
    [("yaml", ".yaml", "yaml"), ("h5py", ".h5", "hdf5"), ("PIL.Image", ".png", "images")],
)
def test_parser_without_its_library_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: str, suffix: str, extra: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # makes the import fail, as if not installed
    path = tmp_path / f"file{suffix}"
    path.write_bytes(b"anything")
    with pytest.raises(ParserDependencyError, match=rf"pycrucible-client\[{extra}\]") as caught:
        parse_file(path)
    assert caught.value.path == path


# Not a Parser: a class with name, suffixes and parse(path), made by calling it.
DUCK_PLUGIN = """

class Peaks:
    name = "peaks"
    suffixes = (".peaks",)

    def parse(self, path):
        return _read(path)
"""

BROKEN_PLUGIN = """
raise ImportError("this plugin is broken")
"""


def test_broken_plugin_is_skipped_and_a_class_plugin_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "lab_broken_parser.py").write_text(BROKEN_PLUGIN)
    (tmp_path / "lab_factory_parser.py").write_text(PLUGIN + DUCK_PLUGIN)
    info = tmp_path / "lab_parsers-2.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: lab-parsers\nVersion: 2.0\n")
    (info / "entry_points.txt").write_text(
        "[pycrucible.parsers]\nbroken = lab_broken_parser:X\npeaks = lab_factory_parser:Peaks\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    scan = tmp_path / "s.peaks"
    scan.write_text("1.5")
    with caplog.at_level("WARNING", logger="pycrucible.parsers"):
        assert parse_file(scan) == {"xrd_peaks": [1.5]}
    assert "'broken' could not be loaded" in caplog.text
    assert "broken" not in available_parsers()
