"""config: defaults, validation messages that name the key, path checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfacts.config import Config, ConfigError, check_paths, load_config

REPO = Path(__file__).resolve().parents[1]


def test_defaults_without_file() -> None:
    c = load_config(None)
    assert c.glob == "**/*.txt"
    assert c.languages == ["en"]
    assert c.runner.kind == "processes"
    assert c.input_dir().is_dir()  # the shipped sample corpus


def test_shipped_config_equals_the_defaults() -> None:
    """config.yaml documents the defaults: it must not drift from the model."""
    shipped = load_config(REPO / "config.yaml")
    defaults = Config()
    assert shipped.model_dump(exclude={"warehouse"}) == defaults.model_dump(exclude={"warehouse"})
    assert shipped.warehouse == REPO / "warehouse"


@pytest.mark.parametrize(
    ("yaml_text", "key"),
    [
        ("globb: '*.txt'\n", "globb"),
        ("runner:\n  kind: fibers\n", "runner.kind"),
        ("batch_files: 0\n", "batch_files"),
        ("batch_files: many\n", "batch_files"),
        ("schedule:\n  cron: 'every hour'\n", "schedule.cron"),
        ("languages: []\n", "languages"),
        ("parquet:\n  buckets: 0\n", "parquet.buckets"),
        ("duckdb:\n  storage_version: latest\n", "duckdb.storage_version"),
    ],
)
def test_bad_values_name_the_key(tmp_path: Path, yaml_text: str, key: str) -> None:
    f = tmp_path / "c.yaml"
    f.write_text(yaml_text)
    with pytest.raises(ConfigError, match=f"key '{key}'") as exc:
        load_config(f)
    assert "fix:" in str(exc.value)


def test_not_a_mapping_and_bad_yaml(tmp_path: Path) -> None:
    f = tmp_path / "c.yaml"
    f.write_text("- a\n- b\n")
    with pytest.raises(ConfigError, match="mapping"):
        load_config(f)
    f.write_text("a: [unclosed\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(f)
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.yaml")


def test_relative_paths_resolve_against_the_file(tmp_path: Path) -> None:
    f = tmp_path / "sub" / "c.yaml"
    f.parent.mkdir()
    f.write_text("input: docs\nwarehouse: out\n")
    c = load_config(f)
    assert c.input == tmp_path / "sub" / "docs"
    assert c.warehouse == tmp_path / "sub" / "out"


def test_overrides_win(tmp_path: Path) -> None:
    f = tmp_path / "c.yaml"
    f.write_text("warehouse: a\n")
    c = load_config(f, {"warehouse": str(tmp_path / "b"), "input": None})
    assert c.warehouse == tmp_path / "b"


def test_check_paths(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="key 'input'"):
        check_paths(Config(input=tmp_path / "missing", warehouse=tmp_path / "w"))
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ConfigError, match="key 'warehouse'"):
        check_paths(Config(input=tmp_path, warehouse=blocker / "w"))
    check_paths(Config(input=tmp_path, warehouse=tmp_path / "ok"))
    assert (tmp_path / "ok").is_dir()


def test_config_hash_changes_with_values() -> None:
    assert Config().sha256() != Config(languages=["en", "fr"]).sha256()
    assert Config().sha256() == Config().sha256()


def _keys(model: type, prefix: str = "") -> list[str]:
    out = []
    for name, field in model.model_fields.items():
        sub = field.annotation
        if isinstance(sub, type) and hasattr(sub, "model_fields"):
            out += _keys(sub, f"{prefix}{name}.")
        else:
            out.append(prefix + name)
    return out


def test_every_key_is_documented_in_readme_and_config_yaml() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    shipped = (REPO / "config.yaml").read_text("utf-8")
    for key in _keys(Config):
        assert f"| `{key}` |" in readme, key
        assert f"{key.split('.')[-1]}:" in shipped, key
