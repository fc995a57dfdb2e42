"""The article texts: read through the path gate, and checked against the articles table."""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath

import pandas as pd

from ..findings import Finding
from ..paths import UnsafePath, path_problem, read_inside
from ..validator.rules import Rule, table_finding
from ..validator.tables import Table

# An article text is a news story; a bigger "text" is a mistake or an attack.
MAX_TEXT_BYTES = 50_000_000


def load_texts(articles: Table, package_dir: Path) -> tuple[dict[str, str], list[Finding]]:
    """The article texts; text_path is relative to the folder of the articles table, and must stay
    inside the package (the path gate: no absolute path, no '..', no link out, a regular file)."""
    folder = PurePosixPath(articles.path).parent.as_posix() if articles.path else "."
    texts: dict[str, str] = {}
    findings: list[Finding] = []
    if not {"article_id", "text_path"} <= set(articles.frame.columns):
        return texts, findings  # the missing column is a label or schema finding already
    for index, (article_id, text_path) in enumerate(zip(articles.frame["article_id"], articles.frame["text_path"], strict=True)):
        relative = text_path if folder == "." else f"{folder}/{text_path}"
        try:
            problem = path_problem(text_path)  # judged as written, before it is joined to the folder
            if problem:
                raise UnsafePath(problem)
            texts[article_id] = read_inside(package_dir, relative, MAX_TEXT_BYTES).decode("utf-8")
        except UnsafePath as error:
            findings.append(table_finding(articles, index, "text_path", "unsafe-path", f"the article text: {error}"))
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            findings.append(table_finding(articles, index, "text_path", "text-missing",
                                     f"cannot read the article text {text_path}: {reason}"))
    return texts, findings


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def word_count(text: str) -> int:
    """Words as runs of characters between whitespace (what `wc -w` counts)."""
    return len(text.split())


def text_facts(text: str) -> dict[str, str]:
    """The columns of `articles` computed from its text, as the build writes them and the pack checks them."""
    return {"text_sha256": text_sha256(text), "char_count": str(len(text)), "word_count": str(word_count(text))}


def article_rules(texts: dict[str, str]) -> list[Rule]:
    # A count that is not an integer is the type check's finding, not a mismatch.
    def length_ok(d: pd.DataFrame) -> pd.Series:
        return pd.Series([aid not in texts or n is pd.NA or n == len(texts[aid]) for aid, n in zip(d["article_id"], d["char_count"], strict=True)],
                         index=d.index, dtype=bool)

    def hash_ok(d: pd.DataFrame) -> pd.Series:
        return pd.Series([aid not in texts or digest == text_sha256(texts[aid])
                          for aid, digest in zip(d["article_id"], d["text_sha256"], strict=True)], index=d.index, dtype=bool)

    def words_ok(d: pd.DataFrame) -> pd.Series:
        return pd.Series([aid not in texts or n is pd.NA or n == word_count(texts[aid])
                          for aid, n in zip(d["article_id"], d["word_count"], strict=True)], index=d.index, dtype=bool)

    return [
        Rule("text-hash", "text_sha256", "text_sha256 differs from the SHA-256 of texts/<article_id>.txt", hash_ok,
             "the text changed after the build; rebuild with `strikedata build`"),
        Rule("text-length", "word_count", "word_count differs from the words in texts/<article_id>.txt", words_ok),
        Rule("text-length", "char_count", "char_count differs from the length of texts/<article_id>.txt", length_ok),
        Rule("text-path", "text_path", "text_path must be texts/<article_id>.txt",
             lambda d: d["text_path"] == "texts/" + d["article_id"] + ".txt"),
    ]
