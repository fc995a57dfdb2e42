"""Read the hand-curated files under seeds/: every value keeps the file and line it came from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .findings import Finding
from .paths import TooLarge, UnsafePath, read_limited

# Far above any real annotation file; a bigger one is a mistake and would only be slow to parse.
MAX_ANNOTATION_BYTES = 5_000_000


class Located(dict):
    """A mapping read from YAML that remembers the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class _DuplicateKey(yaml.MarkedYAMLError):
    pass


class _AliasRefused(yaml.MarkedYAMLError):
    pass


class _LineLoader(yaml.SafeLoader):
    def compose_node(self, parent, index):  # noqa: D401 - PyYAML hook
        # An alias (*name) repeats a whole subtree: nested ones grow exponentially (a "billion
        # laughs" file), and no annotation needs them. Refused before anything is expanded.
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()
            raise _AliasRefused(None, None, f"an alias (*{event.anchor}) repeats another entry: "
                                "aliases are not allowed in annotation files", event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):  # noqa: D401 - PyYAML hook
        mapping = Located()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in mapping:
                raise _DuplicateKey(
                    None, None, f"key '{key}' appears twice in one entry", key_node.start_mark
                )
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping
)
# Dates stay the text the curator wrote: our tables hold ISO strings, and an impossible date such as
# 2022-02-30 must reach the type check as a finding rather than fail inside the YAML parser.
def _timestamp_as_text(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    return loader.construct_scalar(node)


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


class _FastLineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same constructors over libyaml's parser: a tenth of the time. Its nodes carry the same line
    marks; anything it cannot read goes to _LineLoader, which words every problem."""

    construct_mapping = _LineLoader.construct_mapping


_FastLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _FastLineLoader.construct_mapping)
_FastLineLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


def _parsed(text: str) -> Any:
    """The YAML document, read by libyaml when it can read it plainly (no alias and no explicit tag
    anywhere: the events are scanned before anything is composed), else by the pure-Python loader,
    whose errors name the problem and its line."""
    # A tab is where the two disagree most (PyYAML refuses one after a value, libyaml reads it): such a
    # file takes the reference road, so a curator's tab is always named with its line.
    if not yaml.__with_libyaml__ or "\t" in text:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    try:
        events = yaml.parse(text, Loader=yaml.CSafeLoader)
        if not any(isinstance(event, yaml.AliasEvent) or getattr(event, "tag", None) for event in events):
            return yaml.load(text, Loader=_FastLineLoader)  # noqa: S506 - CSafeLoader subclass
    except (yaml.YAMLError, ValueError, RecursionError):
        pass
    return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass


@dataclass(frozen=True)
class Document:
    path: str
    data: Any


def load_yaml(path: Path, display: str) -> tuple[Document | None, list[Finding]]:
    """Parse one annotation file; a problem comes back as a finding, never an exception."""
    try:
        raw = read_limited(path, MAX_ANNOTATION_BYTES, display)
    except FileNotFoundError:
        return None, [Finding(file=display, code="file-missing", message="file not found")]
    except UnsafePath as error:
        too_large = isinstance(error, TooLarge)
        return None, [Finding(file=display, code="file-too-large" if too_large else "file-unreadable",
                              message=f"{error}: not an annotation file" if too_large else str(error),
                              hint="split it, or check that the right file is named here" if too_large else None)]
    except OSError as error:
        return None, [Finding(file=display, code="file-unreadable", message=error.strerror or str(error))]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Finding(file=display, line=line, code="encoding-error", message=f"not valid UTF-8 (byte 0x{raw[error.start]:02x})",
                    hint="save the file as UTF-8")
        ]
    try:
        data = _parsed(text)
    except _AliasRefused as error:
        mark = error.problem_mark
        return None, [Finding(file=display, line=mark.line + 1 if mark else None, code="yaml-alias", message=str(error.problem),
                              hint="write the entry out in full instead of &anchor / *alias")]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = (error.problem or str(error)).strip()
        if error.context:
            message = f"{error.context}: {message}"
        return None, [
            Finding(file=display, line=mark.line + 1 if mark else None, code="yaml-syntax", message=message,
                    hint="check indentation and quoting; wrap text containing ': ' or ' #' in quotes")
        ]
    except yaml.YAMLError as error:
        return None, [Finding(file=display, code="yaml-syntax", message=str(error))]
    except ValueError as error:  # e.g. an integer of more digits than Python converts
        return None, [Finding(file=display, code="yaml-syntax", message=f"a value cannot be read: {error}",
                              hint="quote long numbers so they stay text")]
    except RecursionError:
        return None, [Finding(file=display, code="yaml-syntax", message="nested too deeply to read",
                              hint="an annotation file is a list of entries, each a mapping of plain values")]
    return Document(display, data), []


def expect_list(doc: Document, key: str | None = None) -> tuple[list[Located], list[Finding]]:
    """The entries of a list of mappings (the whole file, or the value of `key`)."""
    container = doc.data
    line = getattr(container, "line", 1)
    if key is not None:
        if not isinstance(container, dict):
            return [], [Finding(file=doc.path, line=1, code="annotation-shape", message="the file must be a mapping of keys to values")]
        line = container.line_of(key) if isinstance(container, Located) else 1
        container = container.get(key) or []
    if not isinstance(container, list):
        return [], [Finding(file=doc.path, line=line, field=key, code="annotation-shape",
                            message=f"expected a list of entries{f' under {key}' if key else ''}")]
    entries, findings = [], []
    for index, item in enumerate(container):
        if isinstance(item, Located):
            entries.append(item)
        else:
            findings.append(Finding(file=doc.path, line=line, field=key, code="annotation-shape",
                                    message=f"entry {index + 1} is not a mapping of keys to values"))
    return entries, findings
