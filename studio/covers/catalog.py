"""The templates the gallery offers: the built-in ones and the creator's own, with the names,
groups and photo counts it shows. No widgets; the files and the backend are read in workers.

Built-in templates carry an English `name`; the gallery shows it translated through a table of
the shipped names (so a translator finds each one), and a template without an entry there (a
newer shipped one) keeps its English name. The creator's own templates show their own names.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from editor.errors import EditorError
from editor.templates import Template, builtin_template_names, load_template
from publisher.client import StudioClient
from publisher.schemas import UserTemplatePublic

_CONTEXT = "Templates"

ALL = "all"
MINE = "mine"
GROUPS: tuple[tuple[str, str], ...] = (
    (ALL, QT_TRANSLATE_NOOP("Templates", "All")),
    ("cover", QT_TRANSLATE_NOOP("Templates", "Covers")),
    ("collage", QT_TRANSLATE_NOOP("Templates", "Collages")),
    ("video", QT_TRANSLATE_NOOP("Templates", "Video covers")),
    (MINE, QT_TRANSLATE_NOOP("Templates", "Mine")),
)
"""The gallery's tabs: key and English label, in order."""

_BUILTIN_NAMES = frozenset(
    {
        QT_TRANSLATE_NOOP("Templates", "Before / after"),
        QT_TRANSLATE_NOOP("Templates", "Before / after, stacked"),
        QT_TRANSLATE_NOOP("Templates", "Big title"),
        QT_TRANSLATE_NOOP("Templates", "Brand campaign"),
        QT_TRANSLATE_NOOP("Templates", "Checklist"),
        QT_TRANSLATE_NOOP("Templates", "Diary quote"),
        QT_TRANSLATE_NOOP("Templates", "Magazine"),
        QT_TRANSLATE_NOOP("Templates", "Numbered guide"),
        QT_TRANSLATE_NOOP("Templates", "Price list"),
        QT_TRANSLATE_NOOP("Templates", "Price tag"),
        QT_TRANSLATE_NOOP("Templates", "Title band"),
        QT_TRANSLATE_NOOP("Templates", "Verdict: keep or avoid"),
        QT_TRANSLATE_NOOP("Templates", "Collage of 2"),
        QT_TRANSLATE_NOOP("Templates", "Side by side"),
        QT_TRANSLATE_NOOP("Templates", "Collage of 3"),
        QT_TRANSLATE_NOOP("Templates", "Collage of 4"),
        QT_TRANSLATE_NOOP("Templates", "Rounded collage of 4"),
        QT_TRANSLATE_NOOP("Templates", "Collage of 5"),
        QT_TRANSLATE_NOOP("Templates", "Collage of 6"),
        QT_TRANSLATE_NOOP("Templates", "Collage of 9"),
        QT_TRANSLATE_NOOP("Templates", "Nine-grid, title in the middle"),
        QT_TRANSLATE_NOOP("Templates", "Video cover 9:16"),
        QT_TRANSLATE_NOOP("Templates", "Video cover 1:1"),
        QT_TRANSLATE_NOOP("Templates", "Video cover 3:4"),
    }
)
"""The English names of the shipped templates, marked for translation."""

USER_PREFIX = "user:"
PAGE_SIZE = 100


def group_label(group: str) -> str:
    """A group's label in the UI language (the key itself for a group we do not know)."""
    label = dict(GROUPS).get(group, group)
    return QCoreApplication.translate(_CONTEXT, label)


def builtin_title(name: str) -> str:
    """A shipped template's name in the UI language."""
    return QCoreApplication.translate(_CONTEXT, name) if name in _BUILTIN_NAMES else name


@dataclass(frozen=True)
class TemplateEntry:
    """One template in the gallery."""

    key: str
    """``collage_4`` for a built-in one, ``user:<id>`` for one of the creator's."""
    template: Template
    title: str
    """The name shown."""
    group: str
    """``cover``, ``collage``, ``video`` or ``mine``."""
    user: UserTemplatePublic | None = None

    @property
    def photo_count(self) -> int:
        return len(self.template.photo_slots)

    def in_group(self, group: str) -> bool:
        return group in (ALL, self.group)

    def matches(self, query: str) -> bool:
        """Whether a search finds it: by its shown or English name, key or group, any case."""
        words = query.casefold().split()
        haystack = " ".join(
            (self.title, self.template.name, self.key, group_label(self.group), self.group)
        ).casefold()
        return all(word in haystack for word in words)


def builtin_entries() -> list[TemplateEntry]:
    """The shipped templates, covers first, then collages and video covers (reads files: call
    it in a worker). One that cannot be read is left out rather than emptying the gallery;
    the template tests keep them all readable."""
    entries = []
    for name in builtin_template_names():
        try:
            template = load_template(name)
        except EditorError:
            continue
        group = template.category if template.category in dict(GROUPS) else "cover"
        entries.append(TemplateEntry(name, template, builtin_title(template.name), group))
    order = [key for key, _label in GROUPS]
    return sorted(entries, key=lambda entry: order.index(entry.group))


def user_entry(saved: UserTemplatePublic) -> TemplateEntry | None:
    """One of the creator's templates; None when this app cannot read it (made by a newer
    app): it stays on the backend untouched."""
    try:
        template = Template.from_dict(saved.document)
    except EditorError:
        return None
    return TemplateEntry(f"{USER_PREFIX}{saved.id}", template, saved.name, MINE, saved)


def fetch_user_entries(client: StudioClient) -> list[TemplateEntry]:
    """Every template of the creator's, by name (runs in a worker)."""
    entries: list[TemplateEntry] = []
    offset = 0
    while True:
        page = client.list_templates(offset=offset, limit=PAGE_SIZE)
        entries += [e for e in map(user_entry, page.items) if e is not None]
        offset += len(page.items)
        if not page.items or offset >= page.total:
            return entries
