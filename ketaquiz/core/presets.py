"""Presets: named sets of study options, one per question set (as Anki's deck presets).

A preset holds desired retention, daily new and review limits, learning and relearning steps, maximum interval,
load balancing and easy days. The "Default" preset is the profile's own study settings (Settings), used by every
set not given another; a named preset is kept in the store's settings under ``presets`` (name → values), and each
set's choice under ``set_presets`` (set id → name). A study session of one set runs with its set's preset; a session
over every set takes its limits from Default and schedules each question with its own set's preset.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .scheduling import Settings
from .store import Store

DEFAULT = "Default"
FIELDS = ("desired_retention", "new_per_day", "reviews_per_day", "learning_steps", "relearning_steps", "max_interval",
          "load_balance", "easy_days")
NAME_MAX = 40


def preset_values(settings: Settings) -> dict[str, Any]:
    """The preset fields of some settings."""
    d = settings.to_dict()
    return {k: d[k] for k in FIELDS}


def presets(store: Store) -> dict[str, dict[str, Any]]:
    """Every preset by name, Default first (its values are the profile's settings)."""
    out = {DEFAULT: preset_values(store.settings())}
    for name, values in sorted((store.get_setting("presets", {}) or {}).items()):
        if name != DEFAULT and isinstance(values, dict):
            out[name] = {**out[DEFAULT], **{k: v for k, v in values.items() if k in FIELDS}}
    return out


def check_name(name: str, existing: list[str] | None = None) -> str:
    """The name, trimmed; ValueError with what to do when it cannot be a preset's name."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("give the preset a name")
    if len(name) > NAME_MAX or any(not c.isprintable() for c in name):
        raise ValueError(f"a preset name is one line of at most {NAME_MAX} characters")
    if existing is not None and name.casefold() in {n.casefold() for n in existing}:
        raise ValueError(f"there is already a preset named {name!r}; choose another name")
    return name


def save_preset(store: Store, name: str, values: dict[str, Any]) -> None:
    """Create or change a preset (Default: the profile's settings). ValueError when a value is out of range."""
    fields = {k: v for k, v in values.items() if k in FIELDS}
    merged = replace(store.settings(), **fields)
    merged.validate()
    if name == DEFAULT:
        store.save_settings(merged)
        return
    with store.write():
        named = dict(store.get_setting("presets", {}) or {})
        named[name] = preset_values(merged)
        store.set_setting("presets", named)


def add_preset(store: Store, name: str, copy_of: str = DEFAULT) -> str:
    """A new preset with another's values; returns its (trimmed) name."""
    all_ = presets(store)
    name = check_name(name, list(all_))
    save_preset(store, name, all_.get(copy_of, all_[DEFAULT]))
    return name


def delete_preset(store: Store, name: str) -> None:
    """Remove a named preset; the sets that used it go back to Default (one transaction)."""
    if name == DEFAULT:
        raise ValueError("the Default preset cannot be deleted")
    with store.write():
        named = dict(store.get_setting("presets", {}) or {})
        named.pop(name, None)
        store.set_setting("presets", named)
        chosen = {s: p for s, p in (store.get_setting("set_presets", {}) or {}).items() if p != name}
        store.set_setting("set_presets", chosen)


def rename_preset(store: Store, old: str, new: str) -> str:
    """Rename a named preset; the sets that use it keep it (one transaction). Its new (trimmed) name; ValueError when
    `old` is Default (the profile's own settings) or no preset, or `new` cannot be a name or is taken (a change
    of case alone is allowed)."""
    if old == DEFAULT:
        raise ValueError("the Default preset cannot be renamed: it is the profile's own settings, used by every set "
                         "not given another preset")
    names = list(presets(store))
    if old not in names:
        raise ValueError(f"no preset named {old!r}")
    new = check_name(new, [n for n in names if n != old])
    if new == DEFAULT:
        raise ValueError(f"{DEFAULT!r} is the profile's own preset; choose another name")
    with store.write():
        named = dict(store.get_setting("presets", {}) or {})
        named = {new if n == old else n: v for n, v in named.items()}
        store.set_setting("presets", named)
        chosen = {s: new if p == old else p for s, p in (store.get_setting("set_presets", {}) or {}).items()}
        store.set_setting("set_presets", chosen)
    return new


def preset_of(store: Store, set_id: str) -> str:
    """The name of the preset a set uses."""
    name = (store.get_setting("set_presets", {}) or {}).get(set_id, DEFAULT)
    return name if name in presets(store) else DEFAULT


def choose_preset(store: Store, set_id: str, name: str) -> None:
    """Make a set use a preset."""
    if name not in presets(store):
        raise ValueError(f"no preset named {name!r}; choose one of {', '.join(presets(store))}")
    with store.write():
        chosen = dict(store.get_setting("set_presets", {}) or {})
        if name == DEFAULT:
            chosen.pop(set_id, None)
        else:
            chosen[set_id] = name
        store.set_setting("set_presets", chosen)


def settings_for(store: Store, set_id: str | None) -> Settings:
    """The settings a set is studied with: the profile's, with its preset's values (Default for None)."""
    base = store.settings()
    if set_id is None:
        return base
    values = presets(store).get(preset_of(store, set_id))
    return base if values is None else replace(base, **values)
